//! Paging of key lists (rest-api.md §5.1, §5.2): `maxresults` 1..25 (default 25; anything else
//! is a 400 `BadParameter`), and an absolute `nextLink` carrying a `$skiptoken`. Like Key
//! Vault's, the token is base64 of `{"NextMarker": …, "TargetLocation": 0}`; the marker is the
//! last item returned, so a page boundary survives keys created or deleted between pages.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use std::collections::HashMap;

use crate::emulator::error::{ApiError, ApiResult};

/// The largest page (and the default).
pub const MAX_RESULTS: usize = 25;

/// `maxresults` of a list request.
pub fn max_results(query: &HashMap<String, String>) -> ApiResult<usize> {
    let Some(v) = query
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("maxresults"))
        .map(|(_, v)| v)
    else {
        return Ok(MAX_RESULTS);
    };
    match v.trim().parse::<i64>() {
        Ok(n) if (1..=MAX_RESULTS as i64).contains(&n) => Ok(n as usize),
        _ => Err(ApiError::bad_request(
            "BadParameter",
            format!(
                "The value '{v}' of 'maxresults' is not valid: it must be an integer between 1 and {MAX_RESULTS}."
            ),
        )),
    }
}

/// Encodes a marker into a `$skiptoken`.
pub fn encode_token(marker: &str) -> String {
    URL_SAFE_NO_PAD
        .encode(serde_json::json!({"NextMarker": marker, "TargetLocation": 0}).to_string())
}

/// Decodes a `$skiptoken` into its marker.
pub fn decode_token(token: &str) -> ApiResult<String> {
    let invalid = || {
        ApiError::bad_request(
            "BadParameter",
            "The $skiptoken is not valid: use the nextLink of the previous page as it is.",
        )
    };
    let raw = URL_SAFE_NO_PAD
        .decode(token.trim_end_matches('='))
        .map_err(|_| invalid())?;
    let v: serde_json::Value = serde_json::from_slice(&raw).map_err(|_| invalid())?;
    v["NextMarker"]
        .as_str()
        .map(String::from)
        .ok_or_else(invalid)
}

/// The marker of the request, if it continues a list.
pub fn marker(query: &HashMap<String, String>) -> ApiResult<Option<String>> {
    match query
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("$skiptoken"))
    {
        Some((_, t)) if !t.is_empty() => decode_token(t).map(Some),
        _ => Ok(None),
    }
}

/// One page of `items` (each with its marker, in list order) after `after`; returns the page
/// and the marker to continue from when more items follow.
pub fn page<T>(
    items: Vec<(String, T)>,
    after: Option<&str>,
    max: usize,
) -> (Vec<T>, Option<String>) {
    let start = match after {
        // The position after the marker; a marker that no longer exists continues after
        // where it would have been (markers of key lists are ordered names).
        Some(m) => items
            .iter()
            .position(|(k, _)| k.as_str() > m || k == m)
            .map(|i| if items[i].0 == m { i + 1 } else { i })
            .unwrap_or(items.len()),
        None => 0,
    };
    let total = items.len();
    let rest: Vec<(String, T)> = items.into_iter().skip(start).take(max).collect();
    let next = if start + rest.len() < total {
        rest.last().map(|(k, _)| k.clone())
    } else {
        None
    };
    (rest.into_iter().map(|(_, t)| t).collect(), next)
}

/// Same as [`page`] for lists in insertion order (versions): continues right after the item
/// equal to the marker.
pub fn page_ordered<T>(
    items: Vec<(String, T)>,
    after: Option<&str>,
    max: usize,
) -> (Vec<T>, Option<String>) {
    let start = match after {
        Some(m) => items
            .iter()
            .position(|(k, _)| k == m)
            .map(|i| i + 1)
            .unwrap_or(items.len()),
        None => 0,
    };
    let total = items.len();
    let rest: Vec<(String, T)> = items.into_iter().skip(start).take(max).collect();
    let next = if start + rest.len() < total {
        rest.last().map(|(k, _)| k.clone())
    } else {
        None
    };
    (rest.into_iter().map(|(_, t)| t).collect(), next)
}

/// The absolute `nextLink` of a list at `path` (relative to the HSM URI, no leading slash).
pub fn next_link(hsm_uri: &str, path: &str, api_version: &str, marker: &str, max: usize) -> String {
    // Written by hand so that `$skiptoken` appears literally, as in the service's links.
    let v: String = url::form_urlencoded::byte_serialize(api_version.as_bytes()).collect();
    format!(
        "{hsm_uri}{path}?api-version={v}&$skiptoken={}&maxresults={max}",
        encode_token(marker)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn maxresults_range() {
        assert_eq!(max_results(&q(&[])).unwrap(), 25);
        assert_eq!(max_results(&q(&[("maxresults", "1")])).unwrap(), 1);
        assert_eq!(max_results(&q(&[("maxresults", "25")])).unwrap(), 25);
        for bad in ["0", "26", "-1", "x", ""] {
            let e = max_results(&q(&[("maxresults", bad)])).unwrap_err();
            assert_eq!(e.code, "BadParameter", "{bad}");
        }
    }

    #[test]
    fn tokens_round_trip_and_reject_junk() {
        let t = encode_token("key-12");
        assert!(!t.contains('='));
        assert_eq!(decode_token(&t).unwrap(), "key-12");
        assert_eq!(
            marker(&q(&[("$skiptoken", &t)])).unwrap().as_deref(),
            Some("key-12")
        );
        assert!(decode_token("not a token").is_err());
        assert!(decode_token(&URL_SAFE_NO_PAD.encode("{}")).is_err());
        assert_eq!(marker(&q(&[])).unwrap(), None);
    }

    #[test]
    fn pages_walk_every_item_once() {
        let items: Vec<(String, u32)> = (0..60).map(|i| (format!("k{i:03}"), i)).collect();
        let mut seen = Vec::new();
        let mut after: Option<String> = None;
        loop {
            let (p, next) = page(items.clone(), after.as_deref(), 25);
            assert!(p.len() <= 25);
            seen.extend(p);
            match next {
                Some(n) => after = Some(n),
                None => break,
            }
        }
        assert_eq!(seen, (0..60).collect::<Vec<_>>());
        // Exactly one full page: no next marker.
        let (p, next) = page(items[..25].to_vec(), None, 25);
        assert_eq!(p.len(), 25);
        assert!(next.is_none());
        // A marker that was deleted meanwhile continues after its place.
        let (p, _) = page(items.clone(), Some("k010x"), 2);
        assert_eq!(p, [11, 12]);
        let (p, next) = page_ordered(items.clone(), Some("k058"), 25);
        assert_eq!((p, next), (vec![59], None));
    }

    #[test]
    fn next_links_are_absolute() {
        let l = next_link("https://127.0.0.1:1/", "keys", "7.5", "a", 3);
        assert!(l.starts_with("https://127.0.0.1:1/keys?api-version=7.5&$skiptoken="));
        assert!(l.ends_with("&maxresults=3"));
    }
}
