-- Source documents the recorded facts come from.
CREATE TYPE date_precision AS ENUM ('day', 'month', 'year');

CREATE TABLE documents (
    code                   text PRIMARY KEY CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
    title                  text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    publisher              text CHECK (length(publisher) <= 200),
    published_on           date,
    published_on_precision date_precision,
    file_name              text UNIQUE CHECK (length(file_name) <= 200),
    CHECK ((published_on IS NULL) = (published_on_precision IS NULL))
);
