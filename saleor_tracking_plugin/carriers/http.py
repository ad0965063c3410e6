"""HTTP and parsing shared by the plugin's own connectors, hardened against bad answers.

Every call has a timeout; a body larger than `MAX_RESPONSE_BYTES` is refused before it is
read whole; HTTP status codes become `CarrierError`s with a reason staff can act on; XML is
parsed without DTDs, entities or network access, so entity-expansion and external-entity
tricks fail instead of being resolved.
"""

import json
from typing import Any

import requests
from lxml import etree

from .connector import CarrierError, Problem

MAX_RESPONSE_BYTES = 2 * 1024 * 1024
_CHUNK = 64 * 1024


def send(
    method: str,
    url: str,
    *,
    timeout: float,
    unknown_number_statuses: tuple[int, ...] = (),
    **kwargs: Any,
) -> requests.Response:
    """Make one HTTP call and return the response when its status is a usable answer.

    401/403 mean refused credentials, 429 a rate limit, 5xx an outage; statuses listed in
    `unknown_number_statuses` are returned for the caller to read as "no such number".
    """
    try:
        response = requests.request(method, url, timeout=timeout, stream=True, **kwargs)
    except requests.Timeout as error:
        raise CarrierError(Problem.TIMEOUT, f"no answer within {timeout:g}s") from error
    except requests.RequestException as error:
        raise CarrierError(Problem.UNAVAILABLE, type(error).__name__) from error
    _read_capped(response)
    status = response.status_code
    if status in unknown_number_statuses:
        return response
    if status in (401, 403):
        raise CarrierError(Problem.AUTHENTICATION, f"HTTP {status}")
    if status == 429:
        raise CarrierError(Problem.RATE_LIMITED, "HTTP 429")
    if status >= 500:
        raise CarrierError(Problem.UNAVAILABLE, f"HTTP {status}")
    if status >= 400:
        raise CarrierError(Problem.MALFORMED, f"HTTP {status} for a well-formed request")
    return response


def _read_capped(response: requests.Response) -> None:
    declared = response.headers.get("Content-Length", "")
    if declared.isascii() and declared.isdigit() and int(declared) > MAX_RESPONSE_BYTES:
        response.close()
        raise CarrierError(Problem.MALFORMED, f"answer of {declared} bytes is too large")
    body = bytearray()
    for chunk in response.iter_content(_CHUNK):
        body.extend(chunk)
        if len(body) > MAX_RESPONSE_BYTES:
            response.close()
            raise CarrierError(Problem.MALFORMED, "answer is too large")
    # requests serves `.content` from here once the stream is consumed.
    response._content = bytes(body)


def parse_json(body: bytes | str) -> Any:
    """The JSON document in `body`, or `CarrierError(MALFORMED)`."""
    try:
        return json.loads(body)
    except (ValueError, TypeError) as error:
        raise CarrierError(Problem.MALFORMED, "answer is not JSON") from error


_XML_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    remove_comments=True,
)


def parse_xml(body: bytes) -> etree._Element:
    """The root element of an XML answer, refusing any DTD (entities hide in DTDs)."""
    head = body[:4096].upper() if isinstance(body, bytes) else b""
    if b"<!DOCTYPE" in head or b"<!ENTITY" in body.upper():
        raise CarrierError(Problem.MALFORMED, "answer declares a DTD, which is never expected")
    try:
        root = etree.fromstring(body, _XML_PARSER)
    except (etree.XMLSyntaxError, ValueError) as error:
        raise CarrierError(Problem.MALFORMED, "answer is not well-formed XML") from error
    if root is None:
        raise CarrierError(Problem.MALFORMED, "answer is empty")
    if root.getroottree().docinfo.internalDTD is not None:
        raise CarrierError(Problem.MALFORMED, "answer declares a DTD, which is never expected")
    return root


def local_children(element: etree._Element, name: str) -> list[etree._Element]:
    """Direct children named `name` in any namespace (SOAP services vary their prefixes)."""
    return [child for child in element if isinstance(child.tag, str) and _local(child) == name]


def find_local(element: etree._Element, name: str) -> etree._Element | None:
    """The first descendant named `name` in any namespace."""
    for child in element.iter():
        if isinstance(child.tag, str) and _local(child) == name:
            return child
    return None


def text_of(element: etree._Element | None, name: str) -> str:
    """Stripped text of the first child named `name`, or ''."""
    if element is None:
        return ""
    found = local_children(element, name)
    return (found[0].text or "").strip() if found else ""


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname
