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
    let media = ct
        .as_deref()
        .map(|c| c.split(';').next().unwrap_or("").trim().to_ascii_lowercase());
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
            format!("The 'api-version' query parameter must be given once; it was given {n} times."),
        ));
    }
    Ok(())
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
        assert_eq!((e.status, e.code.as_str()), (StatusCode::BAD_REQUEST, "BadParameter"));
    }
}
