-- The SQL floor of one own-account transfer, for pgbench (-M extended, the protocol the server's driver uses):
-- the fewest statements the two requests of the HTTP benchmark could make and still do what issue 3 asks
-- (session check, membership, accounts, the order and its signature, the limits, both ledger legs and their
-- entries, the audit events, the author's inbox notice, the access log). No HTTP, no JSON, no server: what
-- PostgreSQL alone must do per transfer, so its rate bounds any server on this database. Client k uses bench
-- company k + 1, like the load tool.
\set c :client_id + 1
SELECT company_id, director_id, accountant_id, director_token, accountant_token, acc_a, iban_a, acc_b, iban_b FROM bench_clients WHERE n = :c \gset
-- Request 1: the accountant drafts the order.
SELECT s.*, u.* FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = :accountant_token;
SELECT role FROM memberships WHERE user_id = :accountant_id AND company_id = :company_id;
SELECT id, company_id, status, currency FROM accounts WHERE iban IN (:iban_a, :iban_b);
BEGIN;
INSERT INTO payment_orders (id, created_at, updated_at, company_id, created_by, payer_account_id, number, document_date,
    beneficiary_name, beneficiary_tax_id, beneficiary_iban, beneficiary_bic, kbe, knp, purpose, amount, currency, value_date,
    urgency, kind, status, content_hash)
VALUES (gen_random_uuid(), now(), now(), :company_id, :accountant_id, :acc_a, 'F1', '2026-11-25', 'Own account', '050140000011',
    :iban_b, 'TSESKZKA', '17', '342', 'Floor transfer', 100, 'KZT', '2026-11-25', 'standard', 'own_accounts', 'draft',
    md5(random()::text))
RETURNING id AS order_id \gset
INSERT INTO audit_pending (at_ms, event, actor_id, subject, details) VALUES (0, 'payment.created', :accountant_id, 'payment', '{}');
END;
INSERT INTO access_log (id, at, ip, user_agent, app_version, method, path, status, duration_ms, user_id)
VALUES (gen_random_uuid(), now(), '127.0.0.1', 'floor', NULL, 'POST', '/api/v1/companies/c/payments', 201, 1, :accountant_id);
-- Request 2: the director signs, which executes it.
SELECT s.*, u.* FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = :director_token;
SELECT o.*, m.role, c.dual_signature_threshold FROM payment_orders o
JOIN memberships m ON m.company_id = o.company_id AND m.user_id = :director_id
JOIN companies c ON c.id = o.company_id WHERE o.id = :order_id;
SELECT * FROM payment_signatures WHERE order_id = :order_id;
BEGIN;
INSERT INTO payment_signatures (id, order_id, user_id, slot, content_hash, signed_at)
VALUES (gen_random_uuid(), :order_id, :director_id, 'first', 'h', now());
UPDATE payment_orders SET status = 'executed', executed_at = now(), updated_at = now(), ledger_transaction_id = gen_random_uuid()
WHERE id = :order_id AND status = 'draft' RETURNING ledger_transaction_id AS tx_id \gset
SELECT * FROM payment_limits WHERE company_id = :company_id AND currency = 'KZT';
UPDATE accounts SET balance = balance - 100, entry_count = entry_count + 1
WHERE id = :acc_a AND status = 'active' AND balance - hold - 100 >= 0 RETURNING balance AS bal_a, entry_count AS seq_a \gset
UPDATE accounts SET balance = balance + 100, entry_count = entry_count + 1
WHERE id = :acc_b AND status = 'active' RETURNING balance AS bal_b, entry_count AS seq_b \gset
INSERT INTO ledger_transactions (id, created_at, kind, reference, description) VALUES (:tx_id, now(), 'payment_own_accounts', 'payment', 'floor');
INSERT INTO ledger_entries (id, transaction_id, account_id, seq, currency, amount, balance_after, created_at)
VALUES (gen_random_uuid(), :tx_id, :acc_a, :seq_a, 'KZT', -100, :bal_a, now()), (gen_random_uuid(), :tx_id, :acc_b, :seq_b, 'KZT', 100, :bal_b, now());
INSERT INTO audit_pending (at_ms, event, actor_id, subject, details)
VALUES (0, 'payment.signed', :director_id, 'payment', '{}'), (0, 'risk.assessed', :director_id, 'payment', '{}'), (0, 'payment.executed', NULL, 'payment', '{}');
INSERT INTO inbox_items (id, user_id, category, template_key, parameters, created_at)
VALUES (gen_random_uuid(), :accountant_id, 'operational', 'notification.payment_executed', '\x00'::bytea, now());
END;
INSERT INTO access_log (id, at, ip, user_agent, app_version, method, path, status, duration_ms, user_id)
VALUES (gen_random_uuid(), now(), '127.0.0.1', 'floor', NULL, 'POST', '/api/v1/payments/p/sign', 200, 1, :director_id);
