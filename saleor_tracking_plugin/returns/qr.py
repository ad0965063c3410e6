"""QR codes of return numbers, drawn locally (segno, pure Python): no network, no service."""

import io

import segno


def qr_svg(text: str) -> str:
    """An inline `<svg>` element without a fixed size: it fills its container."""
    buffer = io.BytesIO()
    segno.make(text, error="m").save(
        buffer, kind="svg", xmldecl=False, svgns=True, nl=False, border=2, omitsize=True
    )
    return buffer.getvalue().decode("utf-8")


def qr_data_url(text: str) -> str:
    """A `data:image/svg+xml` URL storefronts can put in an `<img src>`."""
    return segno.make(text, error="m").svg_data_uri(scale=4, border=2)
