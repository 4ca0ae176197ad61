//! The emulator's clock: real UTC time plus an offset that tests move forward (retention,
//! purge dates, expiry and rotation follow it). The offset is persisted with the state.

use std::sync::atomic::{AtomicI64, Ordering};
use time::{Duration, OffsetDateTime};

/// The furthest the clock can be moved ahead: 100 years (retention, expiry and purge dates
/// computed from "now" stay far inside `time`'s range, year 9999).
pub const MAX_OFFSET_SECS: i64 = 100 * 366 * 86_400;

/// Wall clock plus a persisted forward offset.
#[derive(Debug, Default)]
pub struct Clock {
    offset_secs: AtomicI64,
}

/// Why a clock move is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClockError {
    #[error("The clock only moves forward: 'seconds' must be zero or positive (got {0}).")]
    Backwards(i64),
    #[error(
        "The clock cannot be moved more than {max} seconds (100 years) ahead of real time: it is {current} seconds ahead, and {requested} more would pass that."
    )]
    TooFar {
        current: i64,
        requested: i64,
        max: i64,
    },
}

impl Clock {
    /// A clock `offset_secs` ahead of real time. A stored offset the clock cannot use (negative,
    /// or beyond [`MAX_OFFSET_SECS`]: a state directory written by an older emulator that
    /// accepted any number) is `None`: the caller starts from real time instead of failing on
    /// every request.
    pub fn with_offset(offset_secs: i64) -> Option<Self> {
        (0..=MAX_OFFSET_SECS).contains(&offset_secs).then(|| Clock {
            offset_secs: AtomicI64::new(offset_secs),
        })
    }

    /// The emulated "now" (UTC).
    pub fn now(&self) -> OffsetDateTime {
        // Offsets are bounded, so this cannot overflow; saturate anyway rather than panic.
        OffsetDateTime::now_utc()
            .checked_add(Duration::seconds(self.offset()))
            .unwrap_or(time::PrimitiveDateTime::MAX.assume_utc())
    }

    /// Unix seconds of [`Clock::now`].
    pub fn unix(&self) -> i64 {
        self.now().unix_timestamp()
    }

    pub fn offset(&self) -> i64 {
        self.offset_secs.load(Ordering::SeqCst)
    }

    /// Moves the clock forward (never backwards: time only advances, and at most
    /// [`MAX_OFFSET_SECS`] ahead of real time); returns the new offset.
    pub fn advance(&self, secs: i64) -> Result<i64, ClockError> {
        if secs < 0 {
            return Err(ClockError::Backwards(secs));
        }
        let mut current = self.offset();
        loop {
            let new = current
                .checked_add(secs)
                .filter(|n| *n <= MAX_OFFSET_SECS)
                .ok_or(ClockError::TooFar {
                    current,
                    requested: secs,
                    max: MAX_OFFSET_SECS,
                })?;
            match self.offset_secs.compare_exchange(
                current,
                new,
                Ordering::SeqCst,
                Ordering::SeqCst,
            ) {
                Ok(_) => return Ok(new),
                Err(seen) => current = seen,
            }
        }
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
        assert_eq!(c.advance(10), Ok(10));
        assert_eq!(c.advance(-5), Err(ClockError::Backwards(-5)));
        assert_eq!(c.offset(), 10);
        assert!(c.now() > OffsetDateTime::now_utc() + Duration::seconds(9));
    }

    #[test]
    fn advance_refuses_what_would_overflow_and_leaves_the_clock_usable() {
        let c = Clock::default();
        assert!(matches!(
            c.advance(i64::MAX),
            Err(ClockError::TooFar { current: 0, .. })
        ));
        assert_eq!(c.advance(MAX_OFFSET_SECS), Ok(MAX_OFFSET_SECS));
        assert!(matches!(c.advance(1), Err(ClockError::TooFar { .. })));
        // Still usable, and far from time's limits: 90-day purge dates compute.
        let _ = c.now() + Duration::days(90);
    }

    #[test]
    fn an_unusable_stored_offset_is_not_loaded() {
        assert!(Clock::with_offset(i64::MAX).is_none());
        assert!(Clock::with_offset(-1).is_none());
        assert_eq!(Clock::with_offset(86_400).unwrap().offset(), 86_400);
    }

    #[test]
    fn arm_time_format() {
        let t = time::macros::datetime!(2024-05-01 10:00:00.123456789 UTC);
        assert_eq!(arm_time(t), "2024-05-01T10:00:00.1234567Z");
    }
}
