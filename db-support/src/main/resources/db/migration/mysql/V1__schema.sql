-- MySQL 8 / MariaDB 10.11: InnoDB (for foreign keys and transactions) and utf8mb4 (for emoji).
-- hostname and ip_addr hold ASCII only (the domain enforces it) and use a binary collation, so
-- that ordering by them is byte order, the same as H2's and Java's; names use a Unicode collation.

CREATE TABLE hosts (
    id       INT          NOT NULL AUTO_INCREMENT,
    hostname VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    ip_addr  VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    port     INT          NOT NULL DEFAULT 22,
    CONSTRAINT pk_hosts PRIMARY KEY (id),
    CONSTRAINT uk_hosts_hostname UNIQUE (hostname),
    CONSTRAINT uk_hosts_ip_addr UNIQUE (ip_addr),
    CONSTRAINT ck_hosts_port CHECK (port BETWEEN 1 AND 65535)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE parent (
    id   INT         NOT NULL AUTO_INCREMENT,
    name VARCHAR(64) NOT NULL,
    CONSTRAINT pk_parent PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE child (
    id        INT         NOT NULL AUTO_INCREMENT,
    name      VARCHAR(64) NOT NULL,
    parent_id INT         NULL,
    CONSTRAINT pk_child PRIMARY KEY (id),
    CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE SET NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- InnoDB would create this index for the foreign key anyway; named, it shows in EXPLAIN.
CREATE INDEX ix_child_parent_id ON child (parent_id);
