-- The sample data every test, the CLI and the benchmark start from. reset re-runs this file after
-- emptying the tables, so ids are always the ones below.

-- The tutorial's hosts: ids 1, 2, 3.
INSERT INTO hosts (hostname, ip_addr, port) VALUES ('localhost', '127.0.0.1', 22);
INSERT INTO hosts (hostname, ip_addr, port) VALUES ('ubuntu', '192.168.2.243', 20000);
INSERT INTO hosts (hostname, ip_addr, port) VALUES ('ubuntu2', '192.168.2.244', 20000);

-- A family set on which INNER, LEFT and RIGHT joins differ:
-- Mary (1) has Tom (1) and Lucy (2); John (2) has Jack (3); Eve (3) has no child;
-- Oliver (4) is an orphan.
INSERT INTO parent (name) VALUES ('Mary');
INSERT INTO parent (name) VALUES ('John');
INSERT INTO parent (name) VALUES ('Eve');
INSERT INTO child (name, parent_id) VALUES ('Tom', 1);
INSERT INTO child (name, parent_id) VALUES ('Lucy', 1);
INSERT INTO child (name, parent_id) VALUES ('Jack', 2);
INSERT INTO child (name, parent_id) VALUES ('Oliver', NULL);
