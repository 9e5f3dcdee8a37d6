//! Nothing there, or not text: empty and blank files, images, zips of images and zips
//! that are damaged.

use peerscope_core::import::Format;
use peerscope_core::model::options::Options;

use super::generate::{png_like, zip_of, CHAT};
use super::harness::{read, refused};

#[test]
fn empty_and_whitespace_only() {
    refused(
        "empty file",
        "empty.json",
        Vec::new(),
        None,
        "the file is empty",
    );
    refused(
        "whitespace only",
        "blank.txt",
        b" \n\t\r\n  ".to_vec(),
        None,
        "the file is empty",
    );
    refused(
        "empty file, format forced",
        "empty.json",
        Vec::new(),
        Some(Format::Discord),
        "the file is empty",
    );
}

#[test]
fn binary_image() {
    refused(
        "PNG",
        "screenshot.png",
        png_like(4096),
        None,
        "not an export peerscope reads: it is not text",
    );
    refused(
        "PNG named .json",
        "export.json",
        png_like(4096),
        None,
        "not an export peerscope reads: it is not text",
    );
}

#[test]
fn zip_of_images_and_broken_zips() {
    let photos = zip_of(&[
        ("IMG_0001.png", png_like(2000)),
        ("IMG_0002.jpg", b"\xFF\xD8\xFF\xE0\0\x10JFIF\0".to_vec()),
    ]);
    refused(
        "zip of images",
        "photos.zip",
        photos.clone(),
        None,
        "this zip holds no export peerscope reads",
    );
    refused(
        "zip of images as WhatsApp",
        "photos.zip",
        photos.clone(),
        Some(Format::WhatsApp),
        "the zip holds no WhatsApp chat",
    );
    refused(
        "zip of images as Slack",
        "photos.zip",
        photos,
        Some(Format::Slack),
        "this zip holds no Slack export",
    );
    let whole = zip_of(&[("WhatsApp Chat with Hana.txt", CHAT.repeat(50).into_bytes())]);
    let (analysis, _) = read(
        "whole chat zip",
        "chat.zip",
        whole.clone(),
        &Options::default(),
        &[],
    );
    assert_eq!(analysis.report.counts.messages, 100);
    let cut = whole.get(..whole.len() / 2).unwrap_or_default().to_vec();
    refused(
        "chat zip cut in half",
        "chat.zip",
        cut,
        None,
        "or it is damaged; pick the export's zip, or download it again",
    );
    let mut junk = b"PK\x03\x04".to_vec();
    junk.extend(png_like(500));
    refused(
        "zip header then junk",
        "junk.zip",
        junk,
        None,
        "this zip holds no export peerscope reads",
    );
}
