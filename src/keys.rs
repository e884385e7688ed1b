//! Which texts a list holds, and where each first or last came: the one
//! collection the rules need (duplicate UAIs and filières, the last of
//! repeated field names, known criteria).
//!
//! Sorted once, then searched: O(n log n) on any input, like a hash map's
//! expected time but with no hash to attack, and a fraction of std's hash
//! map in the wasm (DESIGN.md, « Why no hash map? »). Every sort of the
//! crate goes through [`order`], so the wasm holds one sort routine.

use std::cmp::Ordering;

/// The indices `0..len` in the order `cmp` gives, ties in index order (a
/// stable order). One instantiation of the sort serves every caller.
pub(crate) fn order(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut indices: Vec<usize> = (0..len).collect();
    indices.sort_unstable_by(|&a, &b| cmp(a, b).then(a.cmp(&b)));
    indices
}

/// Texts with the positions they came at, sorted by text then position.
pub(crate) struct Keys<'a> {
    sorted: Vec<(&'a str, usize)>,
}

impl<'a> Keys<'a> {
    /// The texts of `items`, each with its position.
    pub(crate) fn new(items: impl IntoIterator<Item = (&'a str, usize)>) -> Keys<'a> {
        let items: Vec<(&'a str, usize)> = items.into_iter().collect();
        let sorted = order(items.len(), &|a, b| items[a].cmp(&items[b]))
            .into_iter()
            .map(|i| items[i])
            .collect();
        Keys { sorted }
    }

    /// The texts of a list, each at its index.
    pub(crate) fn of(items: impl IntoIterator<Item = &'a str>) -> Keys<'a> {
        Keys::new(items.into_iter().zip(0..))
    }

    fn all(&self, key: &str) -> &[(&'a str, usize)] {
        let start = self.sorted.partition_point(|(k, _)| *k < key);
        let len = self.sorted[start..].partition_point(|(k, _)| *k == key);
        self.sorted.get(start..start + len).unwrap_or_default()
    }

    /// The first position of `key`.
    pub(crate) fn first(&self, key: &str) -> Option<usize> {
        self.all(key).first().map(|&(_, at)| at)
    }

    /// The last position of `key`.
    pub(crate) fn last(&self, key: &str) -> Option<usize> {
        self.all(key).last().map(|&(_, at)| at)
    }

    /// Whether `key` is there.
    pub(crate) fn contains(&self, key: &str) -> bool {
        !self.all(key).is_empty()
    }
}

#[cfg(test)]
mod tests {
    use std::cmp::Ordering;

    use super::{order, Keys};

    #[test]
    fn order_is_stable() {
        let words = ["b", "a", "b", "a"];
        assert_eq!(order(4, &|x, y| words[x].cmp(words[y])), [1, 3, 0, 2]);
        assert_eq!(order(0, &|_, _| Ordering::Equal), Vec::<usize>::new());
    }

    #[test]
    fn first_and_last_positions() {
        let keys = Keys::new([("b", 0), ("a", 1), ("b", 2), ("", 3), ("b", 7)]);
        assert_eq!((keys.first("b"), keys.last("b")), (Some(0), Some(7)));
        assert_eq!((keys.first(""), keys.last("a")), (Some(3), Some(1)));
        assert_eq!(keys.first("c"), None);
        assert!(keys.contains("a") && !keys.contains("ab"));
        assert!(!Keys::of([]).contains(""));
    }

    #[test]
    fn positions_follow_the_list() {
        let keys = Keys::of(["x", "y", "x"]);
        assert_eq!(
            (keys.first("x"), keys.last("x"), keys.first("y")),
            (Some(0), Some(2), Some(1))
        );
    }
}
