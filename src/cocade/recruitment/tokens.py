"""Signed links of speed recruitment. A company's link holds its id and `secret`; the
candidate's links are the agenda registration's (`agenda.tokens.manage_token`)."""

from __future__ import annotations

from typing import Any

from django.core import signing

from cocade.agenda.errors import BadToken
from cocade.recruitment.models import Company

COMPANY = "cocade.recruitment.company"


def company_token(company: Company) -> str:
    return signing.dumps([company.pk, company.secret], salt=COMPANY, compress=False)


def read_company_token(raw: Any) -> Company:
    """The company a link was made for, or BadToken (tampered, other purpose, secret reset)."""
    if not isinstance(raw, str) or not raw or len(raw) > 300:
        raise BadToken()
    try:
        pk, secret = signing.loads(raw.strip(), salt=COMPANY)
    except (signing.BadSignature, ValueError, TypeError):
        raise BadToken() from None
    company = Company.objects.select_related("day__event").filter(pk=pk, secret=secret).first()
    if company is None:
        raise BadToken()
    return company
