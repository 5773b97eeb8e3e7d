// Copy buttons: data-copy names the input whose value goes to the clipboard; the nearest status line says so.
(function () {
  'use strict';
  document.querySelectorAll('button[data-copy]').forEach(function (button) {
    button.addEventListener('click', function () {
      var field = document.getElementById(button.dataset.copy);
      var status = button.closest('section, .field, div').querySelector('.copy-status')
        || document.querySelector('.copy-status');
      var done = function () {
        if (status) {
          status.textContent = status.dataset.copied;
        }
      };
      field.select();
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(done, function () {
          document.execCommand('copy');
          done();
        });
      } else {
        document.execCommand('copy');
        done();
      }
    });
  });
}());
