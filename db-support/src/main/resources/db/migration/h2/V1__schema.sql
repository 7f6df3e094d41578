-- H2 in MySQL compatibility mode. H2 counts VARCHAR lengths in UTF-16 units, not code points, so
-- the name columns are VARCHAR(128): 64 emoji are 128 units. The domain caps names at 64 code
-- points, the same limit MySQL's VARCHAR(64) enforces.

CREATE TABLE hosts (
    id       INT          NOT NULL AUTO_INCREMENT,
    hostname VARCHAR(64)  NOT NULL,
    ip_addr  VARCHAR(128) NOT NULL,
    port     INT          NOT NULL DEFAULT 22,
    CONSTRAINT pk_hosts PRIMARY KEY (id),
    CONSTRAINT uk_hosts_hostname UNIQUE (hostname),
    CONSTRAINT uk_hosts_ip_addr UNIQUE (ip_addr),
    CONSTRAINT ck_hosts_port CHECK (port BETWEEN 1 AND 65535)
);

CREATE TABLE parent (
    id   INT          NOT NULL AUTO_INCREMENT,
    name VARCHAR(128) NOT NULL,
    CONSTRAINT pk_parent PRIMARY KEY (id)
);

CREATE TABLE child (
    id        INT          NOT NULL AUTO_INCREMENT,
    name      VARCHAR(128) NOT NULL,
    parent_id INT          NULL,
    CONSTRAINT pk_child PRIMARY KEY (id),
    CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE SET NULL
);

CREATE INDEX ix_child_parent_id ON child (parent_id);
