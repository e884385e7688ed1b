//! The UAI: 7 digits and a check letter (SPEC §5.3).

use crate::report::{Code, Params};
use crate::territory::Territory;

/// The 23 check letters: I, O and Q are never used.
const LETTERS: &[u8; 23] = b"ABCDEFGHJKLMNPRSTUVWXYZ";

/// What can be said of one UAI, with no notion of where it sits in a request.
pub(crate) struct Uai {
    /// Without spaces, letters in capitals.
    pub normalized: String,
    /// 7 digits and a letter, once normalised.
    pub well_formed: bool,
    /// Where its first three digits place it.
    pub territory: Option<Territory>,
    /// Findings about the UAI alone, in rule order.
    pub problems: Vec<(Code, Params)>,
}

/// The check letter for the 7 digits of a UAI.
pub(crate) fn check_letter(digits: &str) -> Option<char> {
    let n: u32 = digits.parse().ok()?;
    Some(LETTERS[(n % 23) as usize] as char)
}

/// Reads one UAI (never blank: a blank UAI is `member.uai_missing`).
pub(crate) fn examine(raw: &str) -> Uai {
    let normalized: String = raw
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let b = normalized.as_bytes();
    let well_formed =
        b.len() == 8 && b[..7].iter().all(u8::is_ascii_digit) && b[7].is_ascii_uppercase();
    let mut problems: Vec<(Code, Params)> = Vec::new();
    if !well_formed {
        problems.push((Code::MemberUaiFormat, vec![("uai", raw.trim().into())]));
        return Uai {
            normalized,
            well_formed,
            territory: None,
            problems,
        };
    }
    if normalized != raw {
        problems.push((
            Code::MemberUaiNormalized,
            vec![("uai", normalized.as_str().into()), ("given", raw.into())],
        ));
    }
    // Checked: a panicking slice would bring core's `char` Debug tables in.
    let (digits, letter) = (
        normalized.get(..7).unwrap_or_default(),
        normalized.get(7..).unwrap_or_default(),
    );
    if let Some(expected) = check_letter(digits).filter(|e| !letter.starts_with(*e)) {
        problems.push((
            Code::MemberUaiChecksum,
            vec![
                ("uai", normalized.as_str().into()),
                ("found", letter.into()),
                ("expected", expected.to_string().into()),
            ],
        ));
    }
    let prefix = digits.get(..3).unwrap_or_default();
    let territory = Territory::by_uai_prefix(prefix);
    if territory.is_none() {
        problems.push((
            Code::MemberUaiPrefixUnknown,
            vec![
                ("uai", normalized.as_str().into()),
                ("prefix", prefix.into()),
            ],
        ));
    }
    Uai {
        normalized,
        well_formed,
        territory,
        problems,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_letters_of_real_uais() {
        assert_eq!(check_letter("0570099"), Some('Y'));
        assert_eq!(check_letter("6200001"), Some('G'));
        assert_eq!(check_letter("9741051"), Some('Z'));
    }

    #[test]
    fn spaces_and_lower_case_are_normalised_with_a_warning() {
        let u = examine(" 0570 099y ");
        assert_eq!(u.normalized, "0570099Y");
        let codes: Vec<_> = u.problems.iter().map(|p| p.0).collect();
        assert_eq!(codes, [Code::MemberUaiNormalized]);
    }
}
