-- The hearing notice of p.18 goes out through the notice channels of p.19, and every notice is written in
-- the applicant's language.
--
-- application.notice_lang: the language the applicant chose at intake (form 1 / form 1-1) for the notices
-- sent to them — the hearing notice, forms 5 and 6 — by SMS, personal cabinet or print: 'kk' or 'ru'.
-- Applications taken before this column existed keep Kazakh, the state language.
alter table application add column notice_lang text not null default 'kk' check (notice_lang in ('kk', 'ru'));

-- hearing.hearing_place: where the hearing is held (office, room), when it is held in person (p.18).
alter table hearing add column hearing_place text;

-- notification.form 'hearing': the preliminary decision to refuse and the hearing notice (p.18, APC
-- art. 73), queued by the preliminary refusal in its own transaction. It belongs to the hearing (one per
-- application), not to a decision: decision_id is null exactly for it.
alter table notification alter column decision_id drop not null;
alter table notification drop constraint notification_form_check;
alter table notification add constraint notification_form_check check (form in ('5', '6', 'hearing'));
alter table notification add constraint notification_decision_of_form check ((form = 'hearing') = (decision_id is null));
-- One hearing notice per application and channel: enqueueing twice changes nothing.
create unique index notification_hearing_channel on notification (application_id, channel) where form = 'hearing';
