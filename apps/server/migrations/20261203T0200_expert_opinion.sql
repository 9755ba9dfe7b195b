-- The expert's own opinion in structured form (conclusion, reasoning, what was compared), written in the expert's
-- view of the case; the handler adopts it into the case's infringement assessment opinion. `opinion` keeps the text.
ALTER TABLE case_experts ADD COLUMN opinion_data jsonb;
