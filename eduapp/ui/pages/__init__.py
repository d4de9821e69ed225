"""One module per page of the main window. A page is a ``QWidget`` subclass constructed
as ``Page(app)``; it may define ``on_changes(changes)`` (refresh after an op) and
``on_shown()`` (refresh when it becomes visible). The main window imports each page
module by name and shows a "planned" page while a module does not exist yet."""
