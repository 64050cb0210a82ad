"""The "Người dùng" page (admins only): the users file's users, add, change a role, remove.

Every handler checks the admin role again (``ui.auth.require``); the file is the same one
``ntm users`` edits, read afresh on every run."""

from __future__ import annotations

import streamlit as st

from assistant.audit import AuditLog
from assistant.users import MANAGE_USERS, ROLES, UsersFile
from base.settings import Settings
from ui.auth import current, require
from ui.common import attempt, flash, show_flash
from ui.render import md_escape
from ui.text import t


def users_page(bot, settings: Settings) -> None:
    st.title(t("users_title"))
    if not require(MANAGE_USERS):
        return
    users = UsersFile(settings.users_file, audit=AuditLog(settings.audit_file))
    st.caption(t("users_caption", path=md_escape(str(users.path))))
    found, error = attempt(users.load)
    if error:
        st.error(md_escape(error), icon=":material/error:")
        return
    st.dataframe(
        [
            {
                t("col_name"): u.name,
                t("col_role"): t(f"role_{u.role}"),
                t("col_signin"): t("signin_password" if u.password else "signin_oidc"),
            }
            for u in found
        ],
        hide_index=True,
        width="stretch",
    )
    me = current()
    actor = me.name
    round_ = st.session_state.setdefault("users_round", 0)
    left, right = st.columns(2, gap="large")
    with left:
        st.subheader(t("users_add_header"), divider="green")
        with st.form(f"add-user-{round_}"):
            name = st.text_input(t("col_name"), help=t("users_name_help"), key="new-user-name")
            role = st.selectbox(
                t("col_role"), ROLES, format_func=lambda r: t(f"role_{r}"), key="new-user-role"
            )
            password = st.text_input(t("login_password"), type="password", key="new-user-pw")
            sent = st.form_submit_button(t("users_add_button"), icon=":material/person_add:")
        show_flash("users-add")
        if sent and require(MANAGE_USERS):
            if not password and "@" not in name:
                st.error(t("users_password_needed"), icon=":material/error:")
            else:
                user, error = attempt(users.add, name, role, password or None, actor=actor)
                if error:
                    st.error(md_escape(error), icon=":material/error:")
                else:
                    flash(
                        "success",
                        t("users_added", name=user.name, role=t(f"role_{role}")),
                        "users-add",
                    )
                    st.session_state["users_round"] = round_ + 1
                    st.rerun()
    with right:
        st.subheader(t("users_change_header"), divider="green")
        show_flash("users-change")
        names = [u.name for u in found if u.name != me.name]
        if not names:
            return
        chosen = st.selectbox(t("users_pick"), names, key=f"pick-user-{round_}")
        new_role = st.selectbox(
            t("users_new_role"), ROLES, format_func=lambda r: t(f"role_{r}"), key=f"role-{round_}"
        )
        if st.button(t("users_role_button"), icon=":material/manage_accounts:") and require(
            MANAGE_USERS
        ):
            changed(
                attempt(users.set_role, chosen, new_role, actor=actor), round_, "users_role_changed"
            )
        sure = st.checkbox(t("users_remove_confirm"), key=f"remove-sure-{round_}")
        if st.button(
            t("users_remove_button"), icon=":material/person_remove:", disabled=not sure
        ) and require(MANAGE_USERS):
            changed(attempt(users.remove, chosen, actor=actor), round_, "users_removed")


def changed(outcome, round_: int, message: str) -> None:
    user, error = outcome
    if error:
        st.error(md_escape(error), icon=":material/error:")
        return
    flash("success", t(message, name=user.name, role=t(f"role_{user.role}")), "users-change")
    st.session_state["users_round"] = round_ + 1
    st.rerun()
