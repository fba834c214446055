-- The clients of the SQL floor (Benchmarks/SQLFloor/transfer.sql): one row per seeded bench company, with its
-- director and accountant, their session token hashes and the company's two KZT accounts. Run on a database
-- that `bizbank bench seed` has filled.
DROP TABLE IF EXISTS bench_clients;
CREATE TABLE bench_clients AS
SELECT row_number() OVER (ORDER BY c.id) AS n, c.id AS company_id,
       d.user_id AS director_id, a.user_id AS accountant_id,
       (SELECT token_hash FROM sessions WHERE user_id = d.user_id ORDER BY created_at DESC LIMIT 1) AS director_token,
       (SELECT token_hash FROM sessions WHERE user_id = a.user_id ORDER BY created_at DESC LIMIT 1) AS accountant_token,
       (SELECT id FROM accounts WHERE company_id = c.id AND currency = 'KZT' ORDER BY iban LIMIT 1) AS acc_a,
       (SELECT iban FROM accounts WHERE company_id = c.id AND currency = 'KZT' ORDER BY iban LIMIT 1) AS iban_a,
       (SELECT id FROM accounts WHERE company_id = c.id AND currency = 'KZT' ORDER BY iban OFFSET 1 LIMIT 1) AS acc_b,
       (SELECT iban FROM accounts WHERE company_id = c.id AND currency = 'KZT' ORDER BY iban OFFSET 1 LIMIT 1) AS iban_b
FROM companies c
JOIN memberships d ON d.company_id = c.id AND d.role = 'director'
JOIN memberships a ON a.company_id = c.id AND a.role = 'accountant'
WHERE EXISTS (SELECT 1 FROM sessions s WHERE s.user_id = d.user_id)
  AND EXISTS (SELECT 1 FROM sessions s WHERE s.user_id = a.user_id);
CREATE UNIQUE INDEX ON bench_clients (n);
