"""`{% site_header %}`: the site's header from the cache (chiso.web.header)."""

from __future__ import annotations

from django import template
from django.template import Context
from django.utils.safestring import SafeString

from chiso.web.header import render_header

register = template.Library()


@register.simple_tag(takes_context=True)
def site_header(context: Context) -> SafeString:
    return render_header(context)
