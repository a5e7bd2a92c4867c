/* The guide's one addition to Doxygen's scripts: the navigation tree opens
   on the chapters, whatever page it is shown beside. Doxygen only opens the
   branch of the page shown, so on the contents page the chapters would be
   folded away behind an arrow. */
$(function () {
    var tries = 0;
    function openChapters() {
        var opened = false;
        $('#nav-tree-contents .item').each(function () {
            var item = $(this);
            if ($.trim(item.find('.label').first().text()) !== 'Chapters') return;
            opened = true;
            var toggle = item.children('a').has('.arrow').first();
            if (toggle.length && toggle.find('.arrow').text() === '\u25ba') toggle.click();
        });
        if (!opened) {
            // A page outside the tree (a header's reference page) leaves
            // the whole tree folded: open its top first.
            var top = $('#nav-tree-contents > ul > li > .item').first().children('a').has('.arrow').first();
            if (top.length && top.find('.arrow').text() === '\u25ba') top.click();
        }
        if (!opened && ++tries < 50) setTimeout(openChapters, 40);
    }
    openChapters();
});

/* On a phone the menu opens with the chapters already listed: one tap to
   the menu, one to a chapter. */
$(function () {
    $(document).on('change', '#main-menu-state', function () {
        if (!this.checked) return;
        var link = $('#main-menu > li > a').filter(function () {
            return $.trim($(this).text()) === 'Chapters';
        }).first();
        if (link.length && !link.hasClass('highlighted')) {
            $('#main-menu').smartmenus('itemActivate', link);
        }
    });
});

/* The header and the footer sit beside the navigation tree, which stays
   at the window's left edge (guide.css); when the tree is resized, or
   folded away with a double click on its edge, they follow it. */
$(function () {
    var side = document.getElementById('side-nav');
    if (!side || !window.ResizeObserver) return;
    new ResizeObserver(function () {
        var wide = window.matchMedia('(min-width: 768px)').matches;
        var width = wide ? side.getBoundingClientRect().width + 'px' : '';
        $('#top, #nav-path').css('margin-left', width);
    }).observe(side);
});
