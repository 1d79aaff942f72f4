"""One widget per module, each carrying its own look in DEFAULT_CSS as Textual's widgets do;
the screens' stylesheets only lay them out."""
