"""GraphQL documents parsed, limit-checked and validated once per process, not per request.

A storefront or the dashboard sends the same few query texts over and over; graphql-core 2
parses, re-prints and validates each of them on every request, which cost more than
resolving a small query (validation alone about 3 ms for `orderTracking`, against a few
milliseconds for its SQL). The outcome for a given text never changes while the process
runs (the schema is built once at import), so it is kept by text, for a bounded number of
texts: an unseen text costs what it always did, and many different texts only evict older ones.
"""

from dataclasses import dataclass
from functools import lru_cache

from graphql.error import GraphQLError
from graphql.language import ast
from graphql.language.parser import parse
from graphql.validation import validate

from .limits import DocumentTooLarge, check_document
from .schema import schema

# Distinct texts kept. Real clients send tens; the bound caps memory whatever is sent.
CACHED_DOCUMENTS = 512


@dataclass(frozen=True)
class PreparedDocument:
    """A query text's outcome: its syntax tree, or why it was refused before execution."""

    document: ast.Document | None = None
    # Refusals: not GraphQL at all (HTTP 400), past an endpoint limit (HTTP 400,
    # QUERY_TOO_COMPLEX with this message), or not valid against the schema.
    syntax_error: GraphQLError | None = None
    too_complex: str | None = None
    validation_errors: tuple[GraphQLError, ...] = ()


@lru_cache(maxsize=CACHED_DOCUMENTS)
def prepare(query: str) -> PreparedDocument:
    """Parse, check against the endpoint's limits and validate `query`, once per text."""
    try:
        document = parse(query)
        check_document(document)
    except GraphQLError as error:
        return PreparedDocument(syntax_error=error)
    except DocumentTooLarge as error:
        return PreparedDocument(too_complex=str(error))
    except RecursionError:
        return PreparedDocument(too_complex="Query is too deep.")
    errors = validate(schema, document)
    if errors:
        return PreparedDocument(validation_errors=tuple(errors))
    return PreparedDocument(document=document)
