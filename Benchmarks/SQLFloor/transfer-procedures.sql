-- transfer.sql in two round trips (procedures.sql): one function call per HTTP request of the benchmark.
\set c :client_id + 1
SELECT company_id, director_id, accountant_id, director_token, accountant_token, acc_a, iban_a, acc_b, iban_b FROM bench_clients WHERE n = :c \gset
SELECT floor_draft(:accountant_token, :accountant_id, :company_id, :acc_a, :iban_a, :iban_b) AS order_id \gset
SELECT floor_sign(:director_token, :director_id, :accountant_id, :company_id, :order_id, :acc_a, :acc_b);
