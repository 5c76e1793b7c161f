-- Figures a document reports that are neither projects nor batches of them: a district's yearly 招商引资总额,
-- 招商引资实际到位资金, 实际利用外资, counts of 500强 firms — what happened (actual) or what is aimed for (plan).
-- They are shown beside targets and never reconciled with the itemised projects: they count other things.
CREATE TYPE reported_measure AS ENUM (
    'investment_attracted', 'funds_in_place', 'foreign_capital_used', 'contract_amount', 'fixed_asset_investment',
    'fortune500_firms', 'other');
CREATE TYPE figure_stance AS ENUM ('actual', 'plan');
CREATE TYPE figure_unit AS ENUM ('cny_yi', 'usd_yi', 'count');

CREATE TABLE reported_figures (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    seed_key        text UNIQUE,
    place_code      text NOT NULL REFERENCES places (code),
    measure         reported_measure NOT NULL,
    stance          figure_stance NOT NULL,
    period_start    date NOT NULL,
    period_end      date NOT NULL,
    value           numeric(14, 4) CHECK (value > 0),
    unit            figure_unit NOT NULL,
    qualifier       amount_qualifier,
    growth_percent  numeric(8, 2),
    title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    document_code   text REFERENCES documents (code),
    locator         text CHECK (length(locator) <= 300),
    notes           text CHECK (length(notes) <= 2000),
    CHECK (period_end >= period_start),
    CHECK ((value IS NULL) = (qualifier IS NULL))
);

CREATE INDEX reported_figures_place_period ON reported_figures (place_code, period_start);
