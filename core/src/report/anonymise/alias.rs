//! The alias a person starts from: two words picked by a fixed hash of their id, so the
//! same export gives the same aliases on every run and every machine.

use std::collections::HashSet;

/// 64 adjectives: with [`ANIMALS`], 4096 aliases before a number is needed.
#[rustfmt::skip]
const ADJECTIVES: [&str; 64] = [
    "Amber", "Azure", "Bold", "Brave", "Bright", "Brisk", "Calm", "Candid", "Cheery", "Clever",
    "Coral", "Cosy", "Crisp", "Curious", "Dapper", "Deft", "Eager", "Earnest", "Fabled", "Fair",
    "Fleet", "Gentle", "Glad", "Golden", "Grand", "Hardy", "Hazel", "Honest", "Humble", "Indigo",
    "Jade", "Jolly", "Keen", "Kind", "Lively", "Lucky", "Lunar", "Mellow", "Merry", "Mighty",
    "Misty", "Nimble", "Noble", "Olive", "Patient", "Plucky", "Polar", "Proud", "Quiet", "Rapid",
    "Rosy", "Ruby", "Rustic", "Sage", "Scarlet", "Silver", "Sunny", "Swift", "Tidy", "Topaz",
    "Tranquil", "Vivid", "Witty", "Zesty",
];

/// 64 animals: the second word of an alias.
#[rustfmt::skip]
const ANIMALS: [&str; 64] = [
    "Albatross", "Antelope", "Badger", "Beaver", "Bison", "Bobcat", "Buffalo", "Camel", "Caribou",
    "Cheetah", "Condor", "Cougar", "Coyote", "Crane", "Dingo", "Dolphin", "Eagle", "Egret",
    "Falcon", "Ferret", "Finch", "Gazelle", "Gecko", "Gibbon", "Heron", "Ibis", "Impala", "Jackal",
    "Jaguar", "Kestrel", "Kiwi", "Koala", "Lemur", "Leopard", "Lynx", "Magpie", "Marmot", "Marten",
    "Mink", "Moose", "Narwhal", "Ocelot", "Orca", "Osprey", "Otter", "Panda", "Pelican", "Penguin",
    "Puffin", "Quail", "Raven", "Robin", "Salmon", "Seal", "Sparrow", "Stork", "Swan", "Tapir",
    "Toucan", "Walrus", "Weasel", "Wombat", "Wren", "Yak",
];

/// 64-bit FNV-1a and MurmurHash3's final mix (so the low bits vary too): small, and fixed
/// across platforms and releases, unlike `std`'s hasher.
pub(super) fn fnv1a(text: &str) -> u64 {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    let hash = (hash ^ (hash >> 33)).wrapping_mul(0xff51_afd7_ed55_8ccd);
    let hash = (hash ^ (hash >> 33)).wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    hash ^ (hash >> 33)
}

/// The alias a person id starts from, before clashes are numbered: (id, name). A word in
/// `avoid` (lowercase words of the export's real names) is passed over for the next one in
/// its list, so an alias never reads as someone's real name ("Curious Jaguar" when a member
/// is called Curious).
pub(super) fn base_alias(id: &str, avoid: &HashSet<String>) -> (String, String) {
    let hash = fnv1a(id);
    // Six bits each pick a word of the 64; `get` keeps a shorter list from panicking.
    let pick = |words: &[&'static str], bits: u64| -> &'static str {
        let start = (bits % 64) as usize;
        let free = words
            .iter()
            .cycle()
            .skip(start)
            .take(words.len())
            .find(|word| !avoid.contains(&word.to_lowercase()))
            .copied();
        free.unwrap_or("plain")
    };
    let adjective = pick(&ADJECTIVES, hash);
    let animal = pick(&ANIMALS, hash >> 6);
    (
        format!("anon-{:012x}", hash >> 16),
        format!("{adjective} {animal}"),
    )
}
