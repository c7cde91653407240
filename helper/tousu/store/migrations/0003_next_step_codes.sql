-- Next steps become codes. The extension used to store its own sentence for the next step
-- (in the shopper's language at the time, so a locale switch left old rows in the old
-- language); the helper now decides the step (tousu.cases.next_step) and stores its code.
-- Sentences the extension wrote are turned into their code and cleared; any other text
-- (typed by hand) stays in next_action untouched.

ALTER TABLE cases ADD COLUMN next_code TEXT;

UPDATE cases SET next_code = CASE next_action
    WHEN '核对证据后提交投诉或售后申请' THEN 'file'
    WHEN '在已预填的表单中核对并提交' THEN 'submit_form'
    WHEN '查看卖家是否已处理' THEN 'wait_seller'
    WHEN '查看卖家的处理结果，决定接受或申请客服介入' THEN 'seller_answered'
    WHEN '关注小二处理进度，按要求补充凭证' THEN 'platform'
    WHEN '确认退款或商品已到位' THEN 'resolved'
    WHEN '跟进 12315 受理进度' THEN 'escalated'
    WHEN '如对结果不满意，可向 12315 投诉' THEN 'closed'
    WHEN 'Check the evidence, then file the complaint or after-sales request' THEN 'file'
    WHEN 'Check and submit the pre-filled form' THEN 'submit_form'
    WHEN 'Check whether the seller has answered' THEN 'wait_seller'
    WHEN 'Read the seller''s answer; accept it or ask customer service to step in' THEN 'seller_answered'
    WHEN 'Follow the platform''s handling and add evidence when asked' THEN 'platform'
    WHEN 'Confirm the refund or goods have arrived' THEN 'resolved'
    WHEN 'Follow the 12315 complaint' THEN 'escalated'
    WHEN 'If unhappy with the outcome, complain to 12315' THEN 'closed'
    ELSE NULL
END;

UPDATE cases SET next_action = NULL WHERE next_code IS NOT NULL;
