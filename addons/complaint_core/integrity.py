# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What a caller may send, and who the caller is: the suite's one home for
the integrity rules every model of the suite applies (issue 9).

* **Lifecycle token.** Step dates, counters, states and frozen decisions are
  written by the suite's own lifecycle and approval code only. That code
  marks its environment with :data:`_LIFECYCLE`, a Python object: a context
  sent over XML-RPC/JSON-RPC holds only JSON values, so no client can forge
  it, whatever keys it sends.
* **Role.** A caller's role comes from the user (share user = complainant,
  groups for internal users, the superuser = system), never from the context.
* **Typed input.** A wrong selection value or a text in a number field gets
  a translated ValidationError naming the field, not a traceback.
* **Language.** Messages follow the user's language over RPC too (an
  external client sends no ``lang`` in its context).
"""

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL


class _LifecycleToken:
    __slots__ = ()

    def __repr__(self):
        return "<complaint lifecycle>"


_LIFECYCLE = _LifecycleToken()
_CTX_KEY = "complaint_lifecycle"


def lifecycle(records):
    """``records`` in an environment allowed to write protected fields."""
    return records.with_context(**{_CTX_KEY: _LIFECYCLE})


def in_lifecycle(env):
    """True when the lifecycle code itself is writing (never over RPC)."""
    return env.context.get(_CTX_KEY) is _LIFECYCLE


def check_protected(records, vals, protected, what=None):
    """Refuse a write of any field of ``protected`` from outside the
    lifecycle code, with a message naming the fields."""
    if in_lifecycle(records.env):
        return
    sent = sorted(set(vals) & set(protected))
    if sent:
        env = records.env
        names = ", ".join(
            records._fields[name].get_description(env)["string"] for name in sent
        )
        raise UserError(
            env._(
                "%(fields)s of %(model)s can only be changed by the complaint "
                "lifecycle and approval actions, not written directly.",
                fields=names,
                model=what or _model_name(records),
            )
        )


def _model_name(records):
    """The model's name in the user's language (``_description`` is the
    untranslated class attribute)."""
    return records.env["ir.model"]._get(records._name).name or records._description


def without_protected_defaults(records, protected):
    """``records`` without the caller's ``default_<field>`` context keys for
    the protected fields: a default is a value the caller sends too."""
    context = records.env.context
    if in_lifecycle(records.env) or not any(
        key.startswith("default_") and key[8:] in protected for key in context
    ):
        return records
    return records.with_context(
        {
            key: value
            for key, value in context.items()
            if not (key.startswith("default_") and key[8:] in protected)
        }
    )


#: Context keys with which a caller could keep a change out of the chatter.
_UNTRACKED_KEYS = ("tracking_disable", "mail_notrack", "mail_create_nolog")


def tracked(records):
    """``records`` with chatter tracking forced on for a caller (every state
    change is tracked, whatever context an RPC client sends); code running
    as superuser (installs, scheduled jobs) keeps its own choice."""
    if records.env.su or not any(
        records.env.context.get(key) for key in _UNTRACKED_KEYS
    ):
        return records
    return records.with_context(**dict.fromkeys(_UNTRACKED_KEYS, False))


def lock_rows(records, fnames):
    """Row-lock ``records`` for a lifecycle or approval action and re-read
    ``fnames``: of two concurrent actions the second waits for nothing
    (NOWAIT), fails with a concurrency error that Odoo's request layer
    retries, and the retry sees the first action's result."""
    records.env.cr.execute(
        SQL(
            "SELECT id FROM %s WHERE id IN %s FOR UPDATE NOWAIT",
            SQL.identifier(records._table),
            tuple(records.ids),
        )
    )
    records.invalidate_recordset(fnames)


def complaint_role(env):
    """Role of the current user for complaint_rules.lifecycle: from who the
    user is, never from the context."""
    user = env.user
    if user._is_superuser():
        # Scheduled jobs and automatic routing run as the superuser. A sudo()
        # by code does not change whose role applies.
        return "system"
    if user.share:
        # Portal and public users: the complainant.
        return "complainant"
    if user.has_group("complaint_core.group_complaint_head_office"):
        return "head_office"
    if user.has_group("complaint_core.group_complaint_manager"):
        return "manager"
    return "staff"


def with_user_lang(records):
    """``records`` with the user's language when the caller sent none."""
    if records.env.context.get("lang") or not records.env.user.lang:
        return records
    return records.with_context(lang=records.env.user.lang)


_SCALAR_TYPES = {
    "selection",
    "integer",
    "float",
    "monetary",
    "boolean",
    "char",
    "text",
    "html",
    "date",
    "datetime",
    "many2one",
}


def check_input_types(records, vals):
    """Translated ValidationError for a value that does not fit its field's
    type (unknown selection value, text in a number or date field, a list in
    a many2one), instead of the ORM's raw ValueError."""
    env = records.env
    for name, value in vals.items():
        field = records._fields.get(name)
        if field is None:
            raise ValidationError(
                env._(
                    "%(model)s has no field %(field)s.",
                    model=_model_name(records),
                    field=name,
                )
            )
        if field.type not in _SCALAR_TYPES or value is False or value is None:
            continue
        ok = True
        try:
            if field.type == "many2one":
                ok = isinstance(value, int) and not isinstance(value, bool)
            elif field.type in ("integer", "float", "monetary"):
                ok = not isinstance(value, (str, list, dict, tuple))
                if ok:
                    float(value)
            elif field.type == "date":
                fields.Date.to_date(value)
            elif field.type == "datetime":
                fields.Datetime.to_datetime(value)
            elif field.type in ("char", "text", "html"):
                ok = isinstance(value, str)
            elif field.type == "selection":
                field.convert_to_cache(value, records)
        except (ValueError, TypeError):
            ok = False
        if not ok:
            raise ValidationError(
                env._(
                    "The value %(value)s is not valid for the field %(field)s.",
                    value=repr(value)[:80],
                    field=field.get_description(env)["string"],
                )
            )


def to_record(env, model, value):
    """A record of ``model`` from a record, an id or False (RPC callers send
    ids)."""
    if not value:
        return env[model]
    if isinstance(value, (list, tuple)):
        value = value[0] if len(value) == 1 else value
    record = value if hasattr(value, "_name") else env[model].browse(value)
    if record._name != model or not record.exists():
        raise UserError(
            env._(
                "%(model)s %(value)s does not exist.",
                model=_model_name(env[model]),
                value=value,
            )
        )
    return record
