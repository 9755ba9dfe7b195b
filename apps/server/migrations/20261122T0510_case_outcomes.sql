-- The outcome of each service of a case (侵权判定参考意见、调解、经费援助、海外纠纷应对指导、分析预警) and the experts
-- attached to a case by hand. Outcome data is validated by the server per service (cases/service-outcomes.ts).
CREATE TABLE case_outcomes (
  case_id        uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  service        text NOT NULL CHECK (service IN ('infringement_opinion', 'mediation', 'funding_aid', 'overseas_guidance',
                                                  'warning_analysis')),
  data           jsonb NOT NULL,
  updated_by     uuid REFERENCES users (id),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  signed_off_at  timestamptz,                              -- infringement opinion: the reviewer's signOff
  signed_off_by  uuid REFERENCES users (id),
  PRIMARY KEY (case_id, service)
);

CREATE TABLE case_experts (
  case_id     uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  user_id     uuid NOT NULL REFERENCES users (id),
  invited_by  uuid REFERENCES users (id),
  invited_at  timestamptz NOT NULL DEFAULT now(),
  opinion     text,                                        -- the expert's own text; the handler composes the final opinion
  opinion_at  timestamptz,
  PRIMARY KEY (case_id, user_id)
);
CREATE INDEX case_experts_user ON case_experts (user_id);
