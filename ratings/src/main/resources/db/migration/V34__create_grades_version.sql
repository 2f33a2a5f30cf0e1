-- A counter that GradeDao.replace raises in the transaction of each grading write, so that pages
-- of grades served from a cache can tell whether they are still current by reading this one row
-- (with market_data_version, since deleting an asset deletes its grades). Only ever increases.
CREATE TABLE grades_version (
  id      INT    NOT NULL PRIMARY KEY,
  version BIGINT NOT NULL,
  CONSTRAINT grades_version_single_row CHECK (id = 1)
);

INSERT INTO grades_version (id, version) VALUES (1, 0);
