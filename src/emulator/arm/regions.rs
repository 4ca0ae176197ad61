//! Multi-region HSMs on the management plane: validation of `properties.regions` in a PUT or
//! PATCH (one primary, at most one secondary, known locations) and the record changes that add
//! or remove the secondary (rest-api.md §12). The listeners follow in `hsm::start_replicas`.
//!
//! Refusals are Azure-shaped 400s: removing or changing the primary, a second secondary, an
//! unknown location, a region listed twice (the primary's region as a secondary included), a
//! secondary in a create request (the service adds regions to a provisioned pool only).

use time::OffsetDateTime;

use crate::emulator::error::{ApiError, ApiResult};
use crate::emulator::hsm::{HsmRecord, SecondaryRegion};
use crate::wire::arm::Region;

/// Entries a `regions` array may hold before it is refused without further reading (a hostile
/// body of 1,000 regions is refused here; fewer get the precise refusal).
const MAX_ENTRIES: usize = 16;

/// Azure public regions where Managed HSM can be deployed (the emulator's notion of a known
/// location; canonical lower-case names).
pub const LOCATIONS: &[&str] = &[
    "australiacentral",
    "australiaeast",
    "australiasoutheast",
    "brazilsouth",
    "canadacentral",
    "canadaeast",
    "centralindia",
    "centralus",
    "eastasia",
    "eastus",
    "eastus2",
    "francecentral",
    "germanywestcentral",
    "israelcentral",
    "italynorth",
    "japaneast",
    "japanwest",
    "koreacentral",
    "mexicocentral",
    "northcentralus",
    "northeurope",
    "norwayeast",
    "polandcentral",
    "qatarcentral",
    "southafricanorth",
    "southcentralus",
    "southeastasia",
    "southindia",
    "spaincentral",
    "swedencentral",
    "switzerlandnorth",
    "uaenorth",
    "uksouth",
    "ukwest",
    "westcentralus",
    "westeurope",
    "westus",
    "westus2",
    "westus3",
];

/// The canonical form of a location as ARM stores it (`West US 3` → `westus3`).
pub fn canonical(location: &str) -> String {
    location.to_ascii_lowercase().replace(' ', "")
}

fn bad(code: &str, message: String) -> ApiError {
    ApiError::bad_request(code, message)
}

/// Checks a requested `regions` array against the primary location; returns the secondary it
/// asks for, if any.
fn requested_secondary(primary: &str, regions: &[Region]) -> ApiResult<Option<String>> {
    if regions.len() > MAX_ENTRIES {
        return Err(bad(
            "BadRequest",
            format!(
                "properties.regions has {} entries; a Managed HSM spans its primary region and at most one secondary region (extending to more than one region is not supported).",
                regions.len()
            ),
        ));
    }
    let mut seen: Vec<String> = Vec::new();
    for r in regions {
        let name = canonical(&r.name);
        if name.is_empty() {
            return Err(bad(
                "BadRequest",
                "Every entry of properties.regions needs a 'name'.".into(),
            ));
        }
        if !LOCATIONS.contains(&name.as_str()) {
            return Err(bad(
                "LocationNotAvailableForResourceType",
                format!(
                    "The provided location '{}' is not available for resource type 'Microsoft.KeyVault/managedHSMs'. List of available regions for the resource type is '{}'.",
                    r.name,
                    LOCATIONS.join(",")
                ),
            ));
        }
        if seen.contains(&name) {
            return Err(bad(
                "BadRequest",
                format!(
                    "The region '{name}' is listed more than once in properties.regions{}.",
                    if name == primary {
                        ": it is the primary region of the Managed HSM"
                    } else {
                        ""
                    }
                ),
            ));
        }
        if r.is_primary == Some(true) && name != primary {
            return Err(bad(
                "BadRequest",
                format!(
                    "The primary region of a Managed HSM cannot be changed: it is '{primary}', not '{name}'."
                ),
            ));
        }
        seen.push(name);
    }
    if !seen.iter().any(|n| n == primary) {
        return Err(bad(
            "BadRequest",
            format!(
                "The primary region '{primary}' of a Managed HSM cannot be removed: properties.regions must list it."
            ),
        ));
    }
    let secondaries: Vec<String> = seen.into_iter().filter(|n| n != primary).collect();
    if secondaries.len() > 1 {
        return Err(bad(
            "BadRequest",
            format!(
                "A Managed HSM can be extended to one secondary region only: properties.regions lists {} ({}).",
                secondaries.len(),
                secondaries.join(", ")
            ),
        ));
    }
    Ok(secondaries.into_iter().next())
}

/// A create request may list the primary only.
pub fn check_create(primary: &str, regions: Option<&[Region]>) -> ApiResult<()> {
    let Some(regions) = regions.filter(|r| !r.is_empty()) else {
        return Ok(());
    };
    if let Some(s) = requested_secondary(primary, regions)? {
        return Err(bad(
            "BadRequest",
            format!(
                "A secondary region ('{s}') can be added only to a provisioned Managed HSM: create it in its primary region, then add the region."
            ),
        ));
    }
    Ok(())
}

/// Applies a requested `regions` array to an existing HSM: adds the secondary (Provisioning
/// until `now + delay`) or marks the current one removed (Deleting until `now + delay`).
pub fn apply(
    h: &mut HsmRecord,
    regions: &[Region],
    now: OffsetDateTime,
    delay: std::time::Duration,
) -> ApiResult<()> {
    let wanted = requested_secondary(&h.location, regions)?;
    // Removals whose time has passed are forgotten.
    h.secondaries.retain(|r| r.state(now).is_some());
    let current = h.secondary().map(|r| r.name.clone());
    if wanted == current {
        return Ok(());
    }
    if let (Some(c), Some(w)) = (&current, &wanted) {
        return Err(bad(
            "BadRequest",
            format!(
                "A Managed HSM can be extended to one secondary region only: it already has '{c}'. Remove it before adding '{w}'."
            ),
        ));
    }
    if let Some(w) = &wanted
        && h.secondaries.iter().any(|r| &r.name == w)
    {
        return Err(ApiError::conflict(
            "Conflict",
            format!(
                "The region '{w}' is being removed from the Managed HSM; add it again once the removal has completed."
            ),
        ));
    }
    let done = now + delay;
    match (current, wanted) {
        (Some(c), None) => {
            for r in h.secondaries.iter_mut().filter(|r| r.name == c) {
                r.removed_at = Some(done);
            }
        }
        (None, Some(w)) => h.secondaries.push(SecondaryRegion {
            name: w,
            port: 0,
            ready_at: done,
            removed_at: None,
        }),
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(name: &str, primary: Option<bool>) -> Region {
        Region {
            name: name.into(),
            is_primary: primary,
            provisioning_state: None,
        }
    }

    fn secondary(primary: &str, regions: &[Region]) -> Result<Option<String>, String> {
        requested_secondary(primary, regions).map_err(|e| format!("{} {}", e.code, e.message))
    }

    #[test]
    fn requested_regions_are_checked_as_the_service_does() {
        let p = "eastus2";
        assert_eq!(secondary(p, &[r("eastus2", Some(true))]), Ok(None));
        assert_eq!(
            secondary(p, &[r("eastus2", Some(true)), r("West US 3", None)]),
            Ok(Some("westus3".into()))
        );
        let refused = |regions: &[Region], needle: &str| {
            let e = secondary(p, regions).unwrap_err();
            assert!(e.contains(needle), "{needle}: {e}");
        };
        refused(&[r("westus3", None)], "cannot be removed");
        refused(&[], "cannot be removed");
        refused(
            &[r("eastus2", None), r("atlantis", None)],
            "LocationNotAvailableForResourceType",
        );
        refused(&[r("eastus2", None), r("EastUS2", None)], "primary region");
        refused(
            &[r("eastus2", None), r("westus3", Some(true))],
            "cannot be changed",
        );
        refused(
            &[r("eastus2", None), r("westus3", None), r("centralus", None)],
            "one secondary region only",
        );
        refused(&[r("eastus2", None), r("", None)], "needs a 'name'");
        let many: Vec<Region> = (0..1000).map(|_| r("westus3", None)).collect();
        refused(&many, "1000 entries");
    }
}
