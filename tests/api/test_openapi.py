"""The OpenAPI document: structurally valid 3.1, every API URL declared, every $ref resolvable."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, get_resolver

from chiso.api import urls as api_urls
from chiso.api.spec import ENDPOINTS

pytestmark = pytest.mark.django_db
HTTP_METHODS = {"get", "put", "post", "delete", "patch", "head", "options"}


@pytest.fixture
def document() -> dict[str, Any]:
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["$ref"]] if "$ref" in node else []
        return found + [r for value in node.values() for r in _refs(value)]
    if isinstance(node, list):
        return [r for item in node for r in _refs(item)]
    return []


def test_structure(document: dict[str, Any]) -> None:
    assert document["openapi"] == "3.1.0"
    assert document["info"]["title"] and document["info"]["version"]
    assert document["servers"][0]["url"].endswith("/api/v1")
    schemes = document["components"]["securitySchemes"]
    assert schemes["bearer"] == {
        "type": "http",
        "scheme": "bearer",
        "description": "chiso token create USERNAME",
    }
    operation_ids = []
    for path, item in document["paths"].items():
        assert path.startswith("/") and path.endswith(("/", ".json"))
        templated = set(re.findall(r"{(\w+)}", path))
        assert item and set(item) <= HTTP_METHODS
        for operation in item.values():
            operation_ids.append(operation["operationId"])
            assert operation["summary"] and operation["responses"]
            assert all(code.isdigit() for code in operation["responses"])
            path_params = {p["name"] for p in operation["parameters"] if p["in"] == "path"}
            assert path_params == templated, path
            for param in operation["parameters"]:
                assert param["in"] in {"path", "query"} and "schema" in param
    assert len(operation_ids) == len(set(operation_ids))


def test_every_ref_resolves(document: dict[str, Any]) -> None:
    schemas = document["components"]["schemas"]
    for ref in _refs(document):
        assert ref.startswith("#/components/schemas/")
        assert ref.rsplit("/", 1)[1] in schemas, ref


def test_every_api_url_is_documented(document: dict[str, Any]) -> None:
    declared = {e.url_name for e in ENDPOINTS}
    named = {p.name for p in api_urls.urlpatterns if isinstance(p, URLPattern)}
    assert named == declared
    # …and each is mounted under /api/v1/ with a path in the document.
    resolver = get_resolver()
    for name in named:
        route, _params = resolver.reverse_dict.getlist(name)[0][0][0]
        assert route.startswith("api/v1/"), name
        as_openapi = "/" + re.sub(r"%\((\w+)\)s", r"{\1}", route)[len("api/v1/") :]
        assert as_openapi in document["paths"], as_openapi


def test_public_and_protected_operations(document: dict[str, Any]) -> None:
    ranking = document["paths"]["/results/{year}/ranking/"]["get"]
    assert ranking["security"] == [] and "401" not in ranking["responses"]
    submit = document["paths"]["/assignments/{pk}/reports/"]["post"]
    assert {"bearer": []} in submit["security"]
    assert submit["responses"]["201"]
    body = submit["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert set(body["required"]) == {"narrative", "progress"}
    listing = document["paths"]["/assignments/"]["get"]
    names = {p["name"] for p in listing["parameters"]}
    assert {"agency", "status", "overdue", "page", "page_size"} <= names


def test_parameters_declare_what_the_views_accept(document: dict[str, Any]) -> None:
    """Ranges and types the views check are in the document (schemathesis holds them to it)."""
    plan = document["paths"]["/plans/{pk}/"]["get"]["parameters"][0]
    assert plan["schema"] == {"type": "integer", "minimum": 1, "maximum": 2**63 - 1}
    listing = {p["name"]: p["schema"] for p in document["paths"]["/plans/"]["get"]["parameters"]}
    assert listing["page_size"] == {"type": "integer", "minimum": 1, "maximum": 200}
    assert listing["year"] == {"type": "integer", "minimum": 2000, "maximum": 2100}
    profile = document["paths"]["/results/{year}/provinces/{province}/"]["get"]["parameters"]
    assert [p.get("example") for p in profile if p["in"] == "path"] == [2022, "khanh-hoa"]
    index = next(p for p in profile if p["name"] == "index")  # API 1.4: any index's results
    assert index["in"] == "query" and index["schema"]["enum"] == [
        "PAPI",
        "PCI",
        "PAR_INDEX",
        "SIPAS",
    ]
    download = document["paths"]["/evidence/{pk}/"]["get"]["responses"]["200"]["content"]
    assert set(download) == {
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "image/jpeg",
        "image/png",
    }
    submit = document["paths"]["/assignments/{pk}/reports/"]["post"]
    assert {"409", "413", "415"} <= set(submit["responses"])
    form = submit["requestBody"]["content"]["multipart/form-data"]
    assert "image/png" in form["encoding"]["evidence"]["contentType"]
