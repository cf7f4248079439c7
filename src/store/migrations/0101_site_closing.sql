-- A site stops recruiting on the day it closes; it is never removed (its participants and audit
-- records name it).
ALTER TABLE sites ADD COLUMN closed_on date;
