//! [`PictureFiles`]: how the network's downloads, far below the drawing, make the canvas
//! network's PNG and SVG.
//!
//! The network's downloads sit in the report's "Take it with you" section, under Deeper,
//! so that on a phone the checklist follows the picture closely. An SVG network is
//! serialised from the page (`#network`), wherever the buttons are; a canvas network has
//! no SVG to serialise, so its files are made from the scene the panel painted, in the
//! view shown at the click. The panel ([`crate::network::picture::NetworkPanel`]) keeps
//! its makers in a [`PictureFiles`] the page owns; the buttons
//! ([`crate::network::export::ExportBar`]) read it when clicked.
//!
//! A cell rather than the page's state or a context value: the makers change on every
//! render of the drawing (each zoom step, each hover, each filter), and only a click needs
//! them. Held as state they would re-render the whole page on every hover; a cell written
//! after each of the panel's renders costs a few reference counts and is current at every
//! click.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

/// The canvas network's two picture makers; both or neither (an SVG network has neither).
#[derive(Clone)]
pub struct Makers {
    /// Paints the PNG and returns it as a `data:image/png` URL (`None` when it cannot).
    pub png: Callback<(), Option<String>>,
    /// Writes the SVG of what the canvas draws.
    pub svg: Callback<(), String>,
}

/// The current [`Makers`] of the network on screen: empty while the network is an SVG,
/// while a big one is held back, and when no panel is mounted. Clones share one cell;
/// props compare it by identity.
#[derive(Clone, Default)]
pub struct PictureFiles(Rc<RefCell<Option<Makers>>>);

impl PartialEq for PictureFiles {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl PictureFiles {
    /// The PNG maker, if the network on screen is a painted canvas.
    pub fn png(&self) -> Option<Callback<(), Option<String>>> {
        self.0.borrow().as_ref().map(|m| m.png.clone())
    }

    /// The SVG maker, if the network on screen is a painted canvas.
    pub fn svg(&self) -> Option<Callback<(), String>> {
        self.0.borrow().as_ref().map(|m| m.svg.clone())
    }

    fn set(&self, makers: Option<Makers>) {
        *self.0.borrow_mut() = makers;
    }
}

/// Keeps `files` holding `makers` after each render of the calling component, and empty
/// once it is gone (so a click never paints a scene no longer on screen).
#[hook]
pub fn use_picture_files(files: &PictureFiles, makers: Option<Makers>) {
    let files = files.clone();
    use_effect(move || {
        files.set(makers);
        move || files.set(None)
    });
}
