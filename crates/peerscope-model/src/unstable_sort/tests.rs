use super::*;
use crate::random::SplitMix;

/// `items` through the one compiled sort, as the page runs it.
fn one_sort<T>(items: &mut [T], compare: impl FnMut(&T, &T) -> Ordering) {
    introsort(&mut Slice { items, compare });
}

#[test]
fn matches_the_standard_sort_on_every_shape() {
    let mut rng = SplitMix(5);
    for len in [0, 1, 2, 3, 16, 17, 40, 1_000, 20_000] {
        for distinct in [1, 2, 7, 1_000, u64::MAX] {
            let items: Vec<(u8, i64)> = (0..len)
                .map(|_| ((rng.below(3)) as u8, rng.below(distinct.max(1)) as i64))
                .collect();
            let mut shapes = vec![items.clone()];
            let mut sorted = items.clone();
            sorted.sort_unstable();
            shapes.push(sorted.clone());
            sorted.reverse();
            shapes.push(sorted);
            for shape in shapes {
                let mut want = shape.clone();
                want.sort_unstable();
                let mut got = shape;
                one_sort(&mut got, Ord::cmp);
                assert_eq!(got, want, "len {len}, {distinct} distinct");
            }
        }
    }
}

#[test]
fn floats_by_total_order_and_keys_ending_on_a_unique_field() {
    let mut rng = SplitMix(8);
    let floats: Vec<f64> = (0..5_000)
        .map(|_| (rng.below(50) as f64 - 25.0) / 4.0)
        .chain([0.0, -0.0, f64::NAN, f64::INFINITY])
        .collect();
    let mut want = floats.clone();
    want.sort_unstable_by(f64::total_cmp);
    let mut got = floats;
    one_sort(&mut got, f64::total_cmp);
    assert_eq!(
        got.iter().map(|f| f.to_bits()).collect::<Vec<_>>(),
        want.iter().map(|f| f.to_bits()).collect::<Vec<_>>()
    );
    let ranked: Vec<(u64, u32)> = (0..3_000).map(|i| (rng.below(9), i)).collect();
    let by = |a: &(u64, u32), b: &(u64, u32)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
    let mut want = ranked.clone();
    want.sort_unstable_by(by);
    let mut got = ranked;
    one_sort(&mut got, by);
    assert_eq!(got, want);
}

#[test]
fn heapsort_alone_sorts_too() {
    let mut rng = SplitMix(13);
    let items: Vec<u32> = (0..3_000).map(|_| rng.below(500) as u32).collect();
    let mut want = items.clone();
    want.sort_unstable();
    let mut got = items;
    let len = got.len();
    heap(
        &mut Slice {
            items: &mut got,
            compare: u32::cmp,
        },
        0,
        len,
    );
    assert_eq!(got, want);
}

#[test]
fn the_trait_sorts_by_key_and_plainly() {
    let mut words = vec!["pear", "fig", "apple", "kiwi"];
    words.unstable_sort_by_key(|w| (w.len(), *w));
    assert_eq!(words, ["fig", "kiwi", "pear", "apple"]);
    words.unstable_sort();
    assert_eq!(words, ["apple", "fig", "kiwi", "pear"]);
}
