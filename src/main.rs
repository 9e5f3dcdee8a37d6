//! `peerscope-web`: mounts the Yew app on the page Trunk builds.

fn main() {
    yew::Renderer::<peerscope::ui::App>::new().render();
}
