//! IPv4 addresses and CIDR ranges of `networkAcls.ipRules` (rest-api.md §13), with the
//! semantics of Python's `ipaddress.ip_network` that az uses to compare rules: a bare address is
//! a `/32`, two rules overlap when one contains the other, and equality is by network.

use std::fmt;
use std::net::Ipv4Addr;
use std::str::FromStr;

/// An IPv4 network `a.b.c.d/p` (a bare address is `/32`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ipv4Net {
    addr: u32,
    prefix: u8,
}

/// Why a string is not an IPv4 address or CIDR range.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NetParseError {
    #[error("'{0}' does not appear to be an IPv4 address or CIDR range")]
    Invalid(String),
    /// Python's strict `ip_network` refuses `10.0.0.1/24`: the address is not the network's.
    #[error("'{0}' has host bits set (the network is {1})")]
    HostBitsSet(String, Ipv4Net),
}

impl Ipv4Net {
    fn mask(prefix: u8) -> u32 {
        if prefix == 0 {
            0
        } else {
            u32::MAX << (32 - u32::from(prefix))
        }
    }

    /// Parses `a.b.c.d` or `a.b.c.d/p`, allowing host bits (they are masked off), as a service
    /// matching addresses against the rule would.
    pub fn parse_lenient(s: &str) -> Result<Ipv4Net, NetParseError> {
        let bad = || NetParseError::Invalid(s.to_string());
        let (a, p) = match s.split_once('/') {
            Some((a, p)) => {
                // Only plain decimal prefixes ("24", not "+24" or " 24").
                if p.is_empty() || p.len() > 2 || !p.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(bad());
                }
                let p: u8 = p.parse().map_err(|_| bad())?;
                if p > 32 {
                    return Err(bad());
                }
                (a, p)
            }
            None => (s, 32),
        };
        // `Ipv4Addr::from_str` accepts only four dotted decimal octets without leading zeros.
        let addr = Ipv4Addr::from_str(a).map_err(|_| bad())?;
        Ok(Ipv4Net {
            addr: u32::from(addr),
            prefix: p,
        })
    }

    /// Parses like Python's `ip_network(s)` (strict): host bits must be zero.
    pub fn parse_strict(s: &str) -> Result<Ipv4Net, NetParseError> {
        let n = Self::parse_lenient(s)?;
        let network = n.network();
        if network.addr != n.addr {
            return Err(NetParseError::HostBitsSet(s.to_string(), network));
        }
        Ok(n)
    }

    /// The network with host bits cleared.
    pub fn network(self) -> Ipv4Net {
        Ipv4Net {
            addr: self.addr & Self::mask(self.prefix),
            prefix: self.prefix,
        }
    }

    /// Whether `ip` is in this network.
    pub fn contains(self, ip: Ipv4Addr) -> bool {
        let m = Self::mask(self.prefix);
        u32::from(ip) & m == self.addr & m
    }

    /// Python's `overlaps`: one network contains the other.
    pub fn overlaps(self, other: Ipv4Net) -> bool {
        let m = Self::mask(self.prefix.min(other.prefix));
        self.addr & m == other.addr & m
    }

    /// Equality of networks (`1.2.3.4` equals `1.2.3.4/32`).
    pub fn same_network(self, other: Ipv4Net) -> bool {
        self.network() == other.network()
    }
}

/// Python's `str(ip_network(x))`: always with the prefix.
impl fmt::Display for Ipv4Net {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", Ipv4Addr::from(self.addr), self.prefix)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_contains_overlaps() {
        let a = Ipv4Net::parse_strict("127.0.0.2").unwrap();
        assert_eq!(a.to_string(), "127.0.0.2/32");
        let n = Ipv4Net::parse_strict("10.1.0.0/16").unwrap();
        assert!(n.contains("10.1.200.3".parse().unwrap()));
        assert!(!n.contains("10.2.0.1".parse().unwrap()));
        assert!(n.overlaps(Ipv4Net::parse_strict("10.1.2.3").unwrap()));
        assert!(!n.overlaps(a));
        assert!(Ipv4Net::parse_strict("0.0.0.0/0").unwrap().overlaps(a));
        assert!(a.same_network(Ipv4Net::parse_strict("127.0.0.2/32").unwrap()));
        assert!(matches!(
            Ipv4Net::parse_strict("10.1.0.1/16"),
            Err(NetParseError::HostBitsSet(_, _))
        ));
        assert!(Ipv4Net::parse_lenient("10.1.0.1/16").is_ok());
        for bad in [
            "",
            "1.2.3",
            "1.2.3.4/33",
            "1.2.3.4/",
            "1.2.3.4/+1",
            "300.1.1.1",
            "::1",
            "a.b.c.d",
            "1.2.3.4/ 8",
            " 1.2.3.4",
            "01.2.3.4",
        ] {
            assert!(Ipv4Net::parse_lenient(bad).is_err(), "{bad}");
        }
    }
}
