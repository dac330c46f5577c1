-- The statistics dashboard counts a day's (or thirty days') appointments and queue visits by doctor, specialty and
-- status. These indexes hold every column those counts read, so each is a range over the days asked for, read from
-- the index alone, however many years of appointments the tables keep.
CREATE INDEX ix_appointment_statistics ON appointment (on_date, doctor_id, status);

CREATE INDEX ix_queue_entry_statistics ON queue_entry (on_date, specialty_id, doctor_id, status, appointment_id,
                                                       arrived_at, called_at);
