//! The emulator's clock: real UTC time plus an offset that tests move forward (retention,
//! purge dates, expiry and rotation follow it). The offset is persisted with the state.

use std::sync::atomic::{AtomicI64, Ordering};
use time::{Duration, OffsetDateTime};

/// Wall clock plus a persisted forward offset.
#[derive(Debug, Default)]
pub struct Clock {
    offset_secs: AtomicI64,
}

impl Clock {
    pub fn with_offset(offset_secs: i64) -> Self {
        Clock {
            offset_secs: AtomicI64::new(offset_secs),
        }
    }

    /// The emulated "now" (UTC).
    pub fn now(&self) -> OffsetDateTime {
        OffsetDateTime::now_utc() + Duration::seconds(self.offset())
    }

    /// Unix seconds of [`Clock::now`].
    pub fn unix(&self) -> i64 {
        self.now().unix_timestamp()
    }

    pub fn offset(&self) -> i64 {
        self.offset_secs.load(Ordering::SeqCst)
    }

    /// Moves the clock forward (never backwards: time only advances); returns the new offset.
    pub fn advance(&self, secs: i64) -> i64 {
        let secs = secs.max(0);
        self.offset_secs.fetch_add(secs, Ordering::SeqCst) + secs
    }
}

/// Formats a time as ARM does (`2024-05-01T10:00:00.1234567Z`: 7 fractional digits, `Z`).
pub fn arm_time(t: OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:07}Z",
        t.year(),
        t.month() as u8,
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        t.nanosecond() / 100
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn advance_only_forward() {
        let c = Clock::default();
        assert_eq!(c.advance(10), 10);
        assert_eq!(c.advance(-5), 10);
        assert!(c.now() > OffsetDateTime::now_utc() + Duration::seconds(9));
    }

    #[test]
    fn arm_time_format() {
        let t = time::macros::datetime!(2024-05-01 10:00:00.123456789 UTC);
        assert_eq!(arm_time(t), "2024-05-01T10:00:00.1234567Z");
    }
}
