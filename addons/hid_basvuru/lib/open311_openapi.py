"""The OpenAPI 3.1 description of HİD's Open311 GeoReport v2 endpoints (JSON responses).

Served at /open311/v2/openapi.json; the live tests validate it with openapi-spec-validator and
check real responses against its schemas, so it stays true.
"""

NULLABLE_STRING = {"type": ["string", "null"]}
DATETIME = {"type": ["string", "null"], "format": "date-time"}


def _ref(name):
    return {"$ref": "#/components/schemas/%s" % name}


def _list_of(name):
    return {"type": "array", "items": _ref(name)}


SCHEMAS = {
    "Error": {
        "type": "object",
        "required": ["code", "description"],
        "properties": {"code": {"type": "integer"}, "description": {"type": "string"}},
    },
    "Errors": _list_of("Error"),
    "Service": {
        "type": "object",
        "required": ["service_code", "service_name", "metadata", "type"],
        "properties": {
            "service_code": {"type": "string"},
            "service_name": {"type": "string"},
            "description": NULLABLE_STRING,
            "metadata": {"type": "boolean"},
            "type": {"enum": ["realtime", "batch", "blackbox"]},
            "keywords": NULLABLE_STRING,
            "group": NULLABLE_STRING,
        },
        "additionalProperties": False,
    },
    "Services": _list_of("Service"),
    "AttributeValue": {
        "type": "object",
        "required": ["key", "name"],
        "properties": {"key": {"type": "string"}, "name": {"type": "string"}},
    },
    "Attribute": {
        "type": "object",
        "required": ["variable", "code", "datatype", "required", "order", "description"],
        "properties": {
            "variable": {"type": "boolean"},
            "code": {"type": "string"},
            "datatype": {"enum": ["string", "number", "datetime", "text", "singlevaluelist",
                                  "multivaluelist"]},
            "required": {"type": "boolean"},
            "datatype_description": NULLABLE_STRING,
            "order": {"type": "integer"},
            "description": {"type": "string"},
            "values": {"type": "array", "items": _ref("AttributeValue")},
        },
    },
    "ServiceDefinition": {
        "type": "object",
        "required": ["service_code", "attributes"],
        "properties": {
            "service_code": {"type": "string"},
            "attributes": {"type": "array", "items": _ref("Attribute")},
        },
    },
    "ServiceRequest": {
        "type": "object",
        "required": ["service_request_id", "status", "service_code", "requested_datetime"],
        "properties": {
            "service_request_id": {"type": "string", "minLength": 1},
            "status": {"enum": ["open", "closed"]},
            "status_notes": NULLABLE_STRING,
            "service_name": NULLABLE_STRING,
            "service_code": NULLABLE_STRING,
            "description": NULLABLE_STRING,
            "agency_responsible": NULLABLE_STRING,
            "service_notice": NULLABLE_STRING,
            "requested_datetime": DATETIME,
            "updated_datetime": DATETIME,
            "expected_datetime": DATETIME,
            "address": NULLABLE_STRING,
            "address_id": NULLABLE_STRING,
            "zipcode": NULLABLE_STRING,
            "lat": {"type": ["number", "null"]},
            "long": {"type": ["number", "null"]},
            "media_url": NULLABLE_STRING,
        },
        # No personal data may slip in: every field is listed.
        "additionalProperties": False,
    },
    "ServiceRequests": _list_of("ServiceRequest"),
    "PostResult": {
        "type": "object",
        "required": ["service_request_id", "service_notice"],
        "properties": {
            "service_request_id": {"type": "string", "minLength": 1},
            "service_notice": NULLABLE_STRING,
            "account_id": NULLABLE_STRING,
        },
        "additionalProperties": False,
    },
    "PostResults": _list_of("PostResult"),
    "Endpoint": {
        "type": "object",
        "required": ["specification", "url", "changeset", "type", "formats"],
        "properties": {
            "specification": {"type": "string"},
            "url": {"type": "string"},
            "changeset": {"type": "string"},
            "type": {"enum": ["production", "test"]},
            "formats": {"type": "array", "items": {"type": "string"}},
        },
    },
    "Discovery": {
        "type": "object",
        "required": ["changeset", "contact", "endpoints"],
        "properties": {
            "changeset": {"type": "string"},
            "contact": {"type": "string"},
            "key_service": {"type": "string"},
            "endpoints": {"type": "array", "items": _ref("Endpoint")},
        },
    },
}

# Parameters shared by the paths.
FORMAT = {"name": "format", "in": "path", "required": True,
          "schema": {"enum": ["json", "xml"]}}
SERVICE_CODE = {"name": "service_code", "in": "path", "required": True,
                "schema": {"type": "string"}}
REQUEST_ID = {"name": "service_request_id", "in": "path", "required": True,
              "schema": {"type": "string"}}


def _query(name, description):
    return {"name": name, "in": "query", "required": False, "description": description,
            "schema": {"type": "string"}}


def _responses(ok_schema, *errors):
    """200 with `ok_schema` (JSON) or XML, and the listed error statuses in the spec's form."""
    responses = {"200": {
        "description": "OK",
        "content": {"application/json": {"schema": _ref(ok_schema)},
                    "text/xml": {"schema": {"type": "string"}}},
    }}
    for status in errors:
        responses[str(status)] = {
            "description": "Error",
            "content": {"application/json": {"schema": _ref("Errors")},
                        "text/xml": {"schema": {"type": "string"}}},
        }
    return responses


POST_FIELDS = {
    "api_key": {"type": "string"},
    "service_code": {"type": "string"},
    "lat": {"type": "string"},
    "long": {"type": "string"},
    "address_string": {"type": "string"},
    "address_id": {"type": "string"},
    "email": {"type": "string"},
    "device_id": {"type": "string"},
    "account_id": {"type": "string"},
    "first_name": {"type": "string"},
    "last_name": {"type": "string"},
    "phone": {"type": "string"},
    "description": {"type": "string"},
    "media_url": {"type": "string"},
}


def document(server_url):
    """The OpenAPI document, with `server_url` (the /open311/v2 base) as its server."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "HİD Open311 GeoReport v2",
            "version": "2.0",
            "description": "Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) of "
                           "Sancaktepe Belediyesi's citizen applications. Service codes are "
                           "category ids; service_request_id is the tracking number. GET "
                           "responses carry no personal data; confidential applications "
                           "(ihbar) are never listed.",
        },
        "servers": [{"url": server_url}],
        "paths": {
            "/services.{format}": {"get": {
                "summary": "The services (categories) one may file a request for.",
                "operationId": "getServices",
                "parameters": [FORMAT],
                "responses": _responses("Services", 400),
            }},
            "/services/{service_code}.{format}": {"get": {
                "summary": "A service definition: the extra attributes a request takes.",
                "operationId": "getServiceDefinition",
                "parameters": [SERVICE_CODE, FORMAT],
                "responses": _responses("ServiceDefinition", 400, 404),
            }},
            "/requests.{format}": {
                "get": {
                    "summary": "Service requests: at most 1000, by default of the last 90 days.",
                    "operationId": "getServiceRequests",
                    "parameters": [
                        FORMAT,
                        _query("service_request_id", "Comma-separated tracking numbers; "
                                                     "overrides all other arguments."),
                        _query("service_code", "Comma-separated service codes."),
                        _query("start_date", "ISO 8601 date-time."),
                        _query("end_date", "ISO 8601 date-time."),
                        _query("status", "open, closed or open,closed."),
                    ],
                    "responses": _responses("ServiceRequests", 400),
                },
                "post": {
                    "summary": "File a service request (needs an api_key).",
                    "operationId": "postServiceRequest",
                    "parameters": [FORMAT],
                    "requestBody": {"required": True, "content": {
                        "application/x-www-form-urlencoded": {"schema": {
                            "type": "object",
                            "required": ["api_key", "service_code"],
                            "properties": POST_FIELDS,
                            "additionalProperties": {"type": "string"},
                        }},
                    }},
                    "responses": _responses("PostResults", 400, 403, 413, 429),
                },
            },
            "/requests/{service_request_id}.{format}": {"get": {
                "summary": "One service request by its tracking number.",
                "operationId": "getServiceRequest",
                "parameters": [REQUEST_ID, FORMAT],
                "responses": _responses("ServiceRequests", 400, 404),
            }},
        },
        "components": {"schemas": SCHEMAS},
    }
