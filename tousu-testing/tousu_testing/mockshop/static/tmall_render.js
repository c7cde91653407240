/* Mock shop: renders the Tmall detail from window.detailData. Lookups by key, never by index. */
(function (LATE) {
  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined && text !== null) n.textContent = text;
    return n;
  }
  function render(d) {
    var root = document.getElementById('J_OrderDetail');
    var box = el('div', 'tm-detail');
    var steps = el('ol', 'order-bar');
    ((d.stepbar || {}).options || []).forEach(function (o) { steps.appendChild(el('li', o.time ? 'done' : '', o.content + (o.time ? ' ' + o.time : ''))); });
    box.appendChild(steps);
    var status = el('div', 'status-text');
    (((d.overStatus || {}).status || {}).content || []).forEach(function (c) {
      var tmp = document.createElement('div');
      tmp.innerHTML = c.text; // trusted mock markup (<h3>)
      status.appendChild(el('h3', null, tmp.textContent));
    });
    box.appendChild(status);
    var ops = el('p', 'operations');
    (((d.overStatus || {}).operate || [])[0] || { content: [] }).content.forEach(function (o) {
      var a = el('a', null, o.text);
      a.setAttribute('href', o.url || o.dataUrl || 'javascript:void(0)');
      ops.appendChild(a);
      ops.appendChild(document.createTextNode(' '));
    });
    box.appendChild(ops);
    var info = el('div', 'order-info');
    ((d.basic || {}).lists || []).forEach(function (row) {
      var p = el('p', 'info-line');
      p.appendChild(el('span', 'key', row.key + '：'));
      info.appendChild(p);
      (row.content || []).forEach(function (c) {
        if (c.type === 'more') {
          c.moreList.forEach(function (m) { info.appendChild(el('p', 'info-line', m.key + '：' + m.content[0].text)); });
        } else if (c.type === 'html') {
          var tmp = document.createElement('span');
          tmp.innerHTML = c.text; // trusted mock markup (the Wangwang span)
          p.appendChild(tmp);
        } else {
          p.appendChild(el('span', null, c.text));
        }
      });
    });
    box.appendChild(info);
    var table = el('table', 'sub-orders');
    ((d.orders || {}).list || []).forEach(function (entry) {
      ((entry.logistic || {}).content || []).forEach(function (l) {
        var tr = el('tr');
        var td = el('td', 'package', l.text + '　' + l.companyName + '　' + l.mailNo);
        td.colSpan = 4;
        tr.appendChild(td);
        table.appendChild(tr);
      });
      (entry.status || []).forEach(function (s) {
        (s.subOrders || []).forEach(function (sub) {
          var tr = el('tr');
          var a = el('a', null, sub.itemInfo.title);
          a.setAttribute('href', sub.itemInfo.snapUrl);
          var td = el('td', 'item');
          td.appendChild(a);
          tr.appendChild(td);
          tr.appendChild(el('td', 'sku', (sub.itemInfo.skuText || []).map(function (k) { return k.key + '：' + k.content[0].text; }).join(' ')));
          tr.appendChild(el('td', 'price', sub.priceInfo[0].text + ' × ' + sub.quantity));
          tr.appendChild(el('td', 'status', s.statusInfo[0].text));
          table.appendChild(tr);
        });
      });
    });
    box.appendChild(table);
    var amount = el('div', 'pay-info');
    (((d.amount || {}).count || [])[0] || []).forEach(function (row) {
      var data = row.content[0].data;
      amount.appendChild(el('p', null, data.titleLink.text + '：' + data.money.text));
    });
    box.appendChild(amount);
    root.innerHTML = '';
    root.appendChild(box);
  }
  function start() { render(window.detailData); }
  if (LATE > 0) setTimeout(start, LATE); else start();
})(window.__detailLate || 0);
