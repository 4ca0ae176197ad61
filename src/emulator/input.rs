//! Request checks every plane applies before reading a body or a query, as the services do:
//! JSON bodies must say they are JSON, and `api-version` is given exactly once (a repeated one
//! is refused, not "last one wins").

use axum::http::{HeaderMap, StatusCode, header};

use super::error::ApiError;

/// Media types accepted for a JSON body (parameters such as `; charset=utf-8` are ignored).
const JSON_TYPES: &[&str] = &["application/json", "text/json"];

/// A non-empty body must come with a JSON `Content-Type` (415 `UnsupportedMediaType`, ARM's
/// code and message). An empty body needs none: the SDKs' challenge probe and body-less POSTs
/// send no body, some with and some without a `Content-Type`.
pub fn json_content_type(headers: &HeaderMap, body: &[u8]) -> Result<(), ApiError> {
    if body.is_empty() {
        return Ok(());
    }
    let ct = headers
        .get(header::CONTENT_TYPE)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
    let media = ct.as_deref().map(|c| {
        c.split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase()
    });
    match media {
        Some(m) if JSON_TYPES.contains(&m.as_str()) => Ok(()),
        _ => {
            let shown: String = ct.unwrap_or_default().chars().take(100).collect();
            Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "UnsupportedMediaType",
                format!(
                    "The content media type '{shown}' is not supported. Only 'application/json' is supported."
                ),
            ))
        }
    }
}

/// `api-version` must not be repeated (400 with `code`).
pub fn single_api_version(query: Option<&str>, code: &str) -> Result<(), ApiError> {
    let n = query
        .map(|q| {
            url::form_urlencoded::parse(q.as_bytes())
                .filter(|(k, _)| k.eq_ignore_ascii_case("api-version"))
                .count()
        })
        .unwrap_or(0);
    if n > 1 {
        return Err(ApiError::bad_request(
            code,
            format!(
                "The 'api-version' query parameter must be given once; it was given {n} times."
            ),
        ));
    }
    Ok(())
}

/// Largest request body the data plane reads (the service's front end refuses larger ones).
pub const DATAPLANE_MAX_BODY: usize = 2 * 1024 * 1024;
/// Largest request body ARM reads: "The request content size exceeds the maximum size of 4 MB."
pub const ARM_MAX_BODY: usize = 4 * 1024 * 1024;
/// How much of a refused body is still read (and dropped) so that the client, which is still
/// sending, receives the 413 instead of a reset connection or HTTP/2 stream.
const DRAIN_MAX: usize = 64 * 1024 * 1024;

/// The 413 of a body over `limit` (ARM's code and wording, which Key Vault's front end shares).
pub fn too_large(limit: usize) -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "RequestContentTooLarge",
        format!(
            "The request content size exceeds the maximum size of {} MB.",
            limit / (1024 * 1024)
        ),
    )
}

/// Middleware: reads the whole request body, at most `limit` bytes, before the handlers run;
/// a larger one (by `Content-Length` or as it streams) is answered 413 with the Azure error
/// envelope, on HTTP/1.1 and HTTP/2 alike, after draining what the client still sends.
pub async fn limit_body(
    axum::extract::State(limit): axum::extract::State<usize>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    use futures::StreamExt;
    let (parts, body) = req.into_parts();
    let declared = parts
        .headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    let mut stream = body.into_data_stream();
    let mut buf = bytes::BytesMut::new();
    let mut over = declared.is_some_and(|n| n > limit as u64);
    let mut seen = 0usize;
    while let Some(chunk) = stream.next().await {
        let Ok(chunk) = chunk else {
            // The client went away mid-body: nothing useful to answer.
            return ApiError::bad_request("BadRequest", "The request body could not be read.")
                .into_response();
        };
        seen = seen.saturating_add(chunk.len());
        if !over && buf.len() + chunk.len() > limit {
            over = true;
            buf = bytes::BytesMut::new();
        }
        if over {
            if seen > DRAIN_MAX {
                break;
            }
            continue;
        }
        buf.extend_from_slice(&chunk);
    }
    if over {
        let mut resp = too_large(limit).into_response();
        resp.headers_mut().insert(
            header::CONNECTION,
            axum::http::HeaderValue::from_static("close"),
        );
        // HTTP/2 has no Connection header.
        if parts.version == axum::http::Version::HTTP_2 {
            resp.headers_mut().remove(header::CONNECTION);
        }
        return resp;
    }
    let req = axum::extract::Request::from_parts(parts, axum::body::Body::from(buf.freeze()));
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn ct(v: Option<&str>) -> HeaderMap {
        let mut h = HeaderMap::new();
        if let Some(v) = v {
            h.insert(header::CONTENT_TYPE, HeaderValue::from_str(v).unwrap());
        }
        h
    }

    #[test]
    fn json_bodies_need_a_json_content_type() {
        for ok in [
            "application/json",
            "application/json; charset=utf-8",
            "Application/JSON;charset=UTF-8",
            "text/json",
        ] {
            assert!(json_content_type(&ct(Some(ok)), b"{}").is_ok(), "{ok}");
        }
        for bad in [Some("text/plain"), Some("application/xml"), None] {
            let e = json_content_type(&ct(bad), b"{}").unwrap_err();
            assert_eq!(e.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        }
        // No body: any or no Content-Type.
        assert!(json_content_type(&ct(None), b"").is_ok());
        assert!(json_content_type(&ct(Some("text/plain")), b"").is_ok());
    }

    #[test]
    fn api_version_once() {
        assert!(single_api_version(Some("api-version=7.6"), "BadParameter").is_ok());
        assert!(single_api_version(None, "BadParameter").is_ok());
        let e = single_api_version(Some("api-version=7.6&API-VERSION=7.5"), "BadParameter")
            .unwrap_err();
        assert_eq!(
            (e.status, e.code.as_str()),
            (StatusCode::BAD_REQUEST, "BadParameter")
        );
    }
}
