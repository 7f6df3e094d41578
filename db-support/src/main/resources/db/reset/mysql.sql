-- Empties the tables and restarts their ids at 1. TRUNCATE is DDL on InnoDB (fast, resets
-- AUTO_INCREMENT); foreign-key checks are off for this session only, while parent is truncated.
SET FOREIGN_KEY_CHECKS = 0;
TRUNCATE TABLE child;
TRUNCATE TABLE parent;
TRUNCATE TABLE hosts;
SET FOREIGN_KEY_CHECKS = 1;
