-- The same work as transfer.sql in two round trips: each request's statements inside one PL/pgSQL function
-- (the protocol and parse cost of the statements removed). Created on the bench database by the benchmark script.
CREATE OR REPLACE FUNCTION floor_draft(p_token text, p_user uuid, p_company uuid, p_from uuid, p_iban_a text, p_iban_b text)
RETURNS uuid LANGUAGE plpgsql AS $$
DECLARE v_order uuid; v_role text;
BEGIN
    PERFORM s.*, u.* FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = p_token;
    SELECT role INTO v_role FROM memberships WHERE user_id = p_user AND company_id = p_company;
    PERFORM id, company_id, status, currency FROM accounts WHERE iban IN (p_iban_a, p_iban_b);
    INSERT INTO payment_orders (id, created_at, updated_at, company_id, created_by, payer_account_id, number, document_date,
        beneficiary_name, beneficiary_tax_id, beneficiary_iban, beneficiary_bic, kbe, knp, purpose, amount, currency, value_date,
        urgency, kind, status, content_hash)
    VALUES (gen_random_uuid(), now(), now(), p_company, p_user, p_from, 'F1', '2026-11-25', 'Own account', '050140000011',
        p_iban_b, 'TSESKZKA', '17', '342', 'Floor transfer', 100, 'KZT', '2026-11-25', 'standard', 'own_accounts', 'draft',
        md5(random()::text))
    RETURNING id INTO v_order;
    INSERT INTO audit_pending (at_ms, event, actor_id, subject, details) VALUES (0, 'payment.created', p_user, 'payment', '{}');
    INSERT INTO access_log (id, at, ip, user_agent, app_version, method, path, status, duration_ms, user_id)
    VALUES (gen_random_uuid(), now(), '127.0.0.1', 'floor', NULL, 'POST', '/api/v1/companies/c/payments', 201, 1, p_user);
    RETURN v_order;
END $$;

CREATE OR REPLACE FUNCTION floor_sign(p_token text, p_user uuid, p_author uuid, p_company uuid, p_order uuid, p_from uuid, p_to uuid)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE v_tx uuid; v_bal_a bigint; v_seq_a bigint; v_bal_b bigint; v_seq_b bigint;
BEGIN
    PERFORM s.*, u.* FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = p_token;
    PERFORM o.*, m.role, c.dual_signature_threshold FROM payment_orders o
    JOIN memberships m ON m.company_id = o.company_id AND m.user_id = p_user
    JOIN companies c ON c.id = o.company_id WHERE o.id = p_order;
    PERFORM * FROM payment_signatures WHERE order_id = p_order;
    INSERT INTO payment_signatures (id, order_id, user_id, slot, content_hash, signed_at)
    VALUES (gen_random_uuid(), p_order, p_user, 'first', 'h', now());
    UPDATE payment_orders SET status = 'executed', executed_at = now(), updated_at = now(), ledger_transaction_id = gen_random_uuid()
    WHERE id = p_order AND status = 'draft' RETURNING ledger_transaction_id INTO v_tx;
    PERFORM * FROM payment_limits WHERE company_id = p_company AND currency = 'KZT';
    UPDATE accounts SET balance = balance - 100, entry_count = entry_count + 1
    WHERE id = p_from AND status = 'active' AND balance - hold - 100 >= 0 RETURNING balance, entry_count INTO v_bal_a, v_seq_a;
    UPDATE accounts SET balance = balance + 100, entry_count = entry_count + 1
    WHERE id = p_to AND status = 'active' RETURNING balance, entry_count INTO v_bal_b, v_seq_b;
    INSERT INTO ledger_transactions (id, created_at, kind, reference, description) VALUES (v_tx, now(), 'payment_own_accounts', 'payment', 'floor');
    INSERT INTO ledger_entries (id, transaction_id, account_id, seq, currency, amount, balance_after, created_at)
    VALUES (gen_random_uuid(), v_tx, p_from, v_seq_a, 'KZT', -100, v_bal_a, now()), (gen_random_uuid(), v_tx, p_to, v_seq_b, 'KZT', 100, v_bal_b, now());
    INSERT INTO audit_pending (at_ms, event, actor_id, subject, details)
    VALUES (0, 'payment.signed', p_user, 'payment', '{}'), (0, 'risk.assessed', p_user, 'payment', '{}'), (0, 'payment.executed', NULL, 'payment', '{}');
    INSERT INTO inbox_items (id, user_id, category, template_key, parameters, created_at)
    VALUES (gen_random_uuid(), p_author, 'operational', 'notification.payment_executed', '\x00'::bytea, now());
    INSERT INTO access_log (id, at, ip, user_agent, app_version, method, path, status, duration_ms, user_id)
    VALUES (gen_random_uuid(), now(), '127.0.0.1', 'floor', NULL, 'POST', '/api/v1/payments/p/sign', 200, 1, p_user);
END $$;
