//! `peerscope-web`: mounts the Yew app on the page Trunk builds, unless the page says
//! `<html data-peerscope="manual">` and mounts it itself through the JS API.

fn main() {
    if peerscope_web::app::api::mounts_itself() {
        yew::Renderer::<peerscope_web::App>::new().render();
    }
}
