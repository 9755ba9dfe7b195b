-- Risk alerts reach the key enterprises (重点企业名录) they concern through their liaison officers: one row per
-- enterprise per alert, with the in-app notice its liaison officer got (none when the enterprise has no liaison).
CREATE TABLE risk_alert_enterprises (
  alert_id         uuid NOT NULL REFERENCES risk_alerts (id) ON DELETE CASCADE,
  enterprise_id    uuid NOT NULL REFERENCES key_enterprises (id),
  liaison_user_id  uuid REFERENCES users (id) ON DELETE SET NULL,
  notification_id  uuid REFERENCES notifications (id) ON DELETE SET NULL,
  PRIMARY KEY (alert_id, enterprise_id)
);
CREATE INDEX risk_alert_enterprises_enterprise ON risk_alert_enterprises (enterprise_id);
