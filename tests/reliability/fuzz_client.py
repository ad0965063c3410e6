"""R6's client, run in its own virtualenv (hypothesis-graphql needs graphql-core 3): sends
queries and mutations generated from the plugin's schema to a live server and counts server
errors. Standard library + hypothesis + hypothesis-graphql only; never imported by the suite.

    python fuzz_client.py <config.json>     prints one JSON line of counts
"""

import json
import sys
import urllib.error
import urllib.request
from collections import Counter

import graphql
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import from_schema, nodes


def main() -> None:
    with open(sys.argv[1]) as file:
        config = json.load(file)
    schema = graphql.build_schema(config["sdl"])
    # Real IDs of existing orders, lines, returns, parcels and delays, mixed with broken ones.
    ids = st.one_of(
        st.sampled_from(config["ids"]),
        st.sampled_from(config["broken_ids"]),
        st.text(max_size=40),
    ).map(nodes.String)
    scalars = {
        "ID": ids,
        "DateTime": st.datetimes(timezones=st.sampled_from([None, __import__("datetime").UTC]))
        .map(lambda value: value.isoformat())
        .map(nodes.String),
        "Date": st.dates().map(lambda value: value.isoformat()).map(nodes.String),
        "Decimal": st.decimals(allow_nan=False).map(nodes.String),
    }
    documents = from_schema(schema, custom_scalars=scalars)
    counts: Counter = Counter()
    causes: Counter = Counter()
    per_caller = max(1, -(-config["requests"] // len(config["tokens"])))

    def sender(caller: str, token: str):
        @settings(
            max_examples=per_caller,
            database=None,
            deadline=None,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(document=documents)
        def send(document: str) -> None:
            body = json.dumps({"query": document}).encode()
            request = urllib.request.Request(
                config["url"], data=body, headers={"Content-Type": "application/json"}
            )
            if token:
                request.add_header("Authorization", f"Bearer {token}")
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    status, answer = response.status, response.read()
            except urllib.error.HTTPError as error:
                status, answer = error.code, error.read()
            counts["requests"] += 1
            counts[f"{caller}_requests"] += 1
            if status == 401:
                # a caller whose token was refused is not testing what it should
                counts[f"{caller}_refused_token"] += 1
            if status >= 500:
                counts["http_500"] += 1
                causes[document[:200]] += 1
            elif b"INTERNAL_ERROR" in answer:
                counts["internal_error"] += 1
                causes[document[:200]] += 1

        return send

    for caller, token in config["tokens"].items():
        sender(caller, token)()
    print(json.dumps({"counts": counts, "causes": causes.most_common(5)}))


if __name__ == "__main__":
    main()
