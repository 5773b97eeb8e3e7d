CREATE TABLE greeting (
    id   BIGINT PRIMARY KEY,
    text VARCHAR(200)
);
