// The mock interview's timer, reading aloud and recording. Recordings are
// kept in this browser's IndexedDB only: nothing here sends them anywhere.
(function () {
  "use strict";
  var card = document.getElementById("mock");
  if (!card) return;
  var tools = document.getElementById("mock-tools");
  var clock = document.getElementById("mock-time");
  var timerButton = document.getElementById("mock-timer");
  var speakButton = document.getElementById("mock-speak");
  var recordButton = document.getElementById("mock-record");
  var status = document.getElementById("mock-status");
  var recordings = document.getElementById("mock-recordings");
  var list = document.getElementById("recording-list");
  var deleteAll = document.getElementById("delete-recordings");
  var limit = parseInt(card.dataset.seconds, 10) || 120;
  var questionId = card.dataset.question;
  var questionText = document.getElementById("mock-question").textContent;
  tools.hidden = false;

  // -- the timer --------------------------------------------------------
  var started = null;
  var elapsedBefore = 0;
  var ticking = null;
  var warned = false;

  function elapsed() {
    return elapsedBefore + (started === null ? 0 : Math.floor((Date.now() - started) / 1000));
  }

  function show() {
    var seconds = elapsed();
    clock.textContent = Math.floor(seconds / 60) + ":" + String(seconds % 60).padStart(2, "0");
    clock.classList.toggle("over", seconds >= limit);
    if (seconds >= limit && !warned) {
      warned = true;
      status.textContent = "Time is up: bring your answer to a close.";
    }
  }

  function toggleTimer() {
    if (started === null) {
      started = Date.now();
      ticking = setInterval(show, 250);
      timerButton.textContent = "Stop the timer";
    } else {
      elapsedBefore = elapsed();
      started = null;
      clearInterval(ticking);
      timerButton.textContent = "Start the timer";
      show();
    }
  }
  timerButton.addEventListener("click", toggleTimer);

  // -- reading aloud ----------------------------------------------------
  if ("speechSynthesis" in window && window.SpeechSynthesisUtterance) {
    speakButton.hidden = false;
    speakButton.addEventListener("click", function () {
      window.speechSynthesis.cancel();
      var utterance = new SpeechSynthesisUtterance(questionText);
      utterance.lang = document.documentElement.lang || "en-GB";
      window.speechSynthesis.speak(utterance);
    });
  }

  // -- recordings, in this browser only ---------------------------------
  var DATABASE = "nextround-practice";
  var STORE = "recordings";

  function withStore(mode, work) {
    return new Promise(function (resolve, reject) {
      var opening = indexedDB.open(DATABASE, 1);
      opening.onupgradeneeded = function () {
        opening.result.createObjectStore(STORE, { keyPath: "id", autoIncrement: true });
      };
      opening.onerror = function () { reject(opening.error); };
      opening.onsuccess = function () {
        var db = opening.result;
        var transaction = db.transaction(STORE, mode);
        var request = work(transaction.objectStore(STORE));
        transaction.oncomplete = function () { db.close(); resolve(request ? request.result : undefined); };
        transaction.onerror = function () { db.close(); reject(transaction.error); };
      };
    });
  }

  var urls = [];
  function render() {
    return withStore("readonly", function (store) { return store.getAll(); }).then(function (all) {
      urls.forEach(function (url) { URL.revokeObjectURL(url); });
      urls = [];
      list.textContent = "";
      (all || []).reverse().forEach(function (recording) {
        var item = document.createElement("li");
        var title = document.createElement("p");
        var when = new Date(recording.recorded_at);
        title.textContent = recording.question_text + " (" + when.toLocaleString(document.documentElement.lang || undefined, { dateStyle: "medium", timeStyle: "short" }) + ")";
        var audio = document.createElement("audio");
        audio.controls = true;
        audio.preload = "metadata";
        var url = URL.createObjectURL(recording.audio);
        urls.push(url);
        audio.src = url;
        audio.setAttribute("aria-label", "Recording: " + recording.question_text);
        var remove = document.createElement("button");
        remove.type = "button";
        remove.className = "secondary small";
        remove.textContent = "Delete this recording";
        remove.addEventListener("click", function () {
          withStore("readwrite", function (store) { store["delete"](recording.id); }).then(render).then(function () {
            status.textContent = "Recording deleted.";
          });
        });
        item.appendChild(title);
        item.appendChild(audio);
        item.appendChild(remove);
        list.appendChild(item);
      });
      deleteAll.hidden = !all || all.length === 0;
      if (!all || all.length === 0) {
        var none = document.createElement("li");
        none.className = "muted";
        none.textContent = "No recordings yet.";
        list.appendChild(none);
      }
    });
  }

  var recorder = null;
  var chunks = [];

  function stopRecording() {
    if (recorder && recorder.state !== "inactive") recorder.stop();
  }

  function startRecording() {
    navigator.mediaDevices.getUserMedia({ audio: true }).then(function (stream) {
      chunks = [];
      recorder = new MediaRecorder(stream);
      recorder.addEventListener("dataavailable", function (event) {
        if (!event.data || !event.data.size) return;
        if (!chunks.length && recorder.state === "recording") {
          status.textContent = "Recording: the microphone can hear you.";
        }
        chunks.push(event.data);
      });
      recorder.addEventListener("stop", function () {
        stream.getTracks().forEach(function (track) { track.stop(); });
        var audio = new Blob(chunks, { type: recorder.mimeType || "audio/webm" });
        recordButton.textContent = "Record my answer";
        recordButton.setAttribute("aria-pressed", "false");
        if (!audio.size) {
          status.textContent = "Nothing was recorded. Try again, a little longer.";
          return;
        }
        withStore("readwrite", function (store) {
          store.add({ question_id: questionId, question_text: questionText, recorded_at: new Date().toISOString(), audio: audio });
        }).then(render).then(function () {
          status.textContent = "Recording kept on this device. Play it back below.";
        });
      });
      // In slices, so that the page can say the microphone is heard.
      recorder.start(500);
      recordButton.textContent = "Stop recording";
      recordButton.setAttribute("aria-pressed", "true");
      status.textContent = "Recording…";
      if (started === null) toggleTimer();
    }).catch(function () {
      status.textContent = "No microphone could be used. You can practise just as well without recording.";
    });
  }

  function toggleRecording() {
    if (recorder && recorder.state === "recording") stopRecording();
    else startRecording();
  }

  if (navigator.mediaDevices && navigator.mediaDevices.getUserMedia && window.MediaRecorder && window.indexedDB) {
    recordButton.hidden = false;
    recordButton.setAttribute("aria-pressed", "false");
    recordButton.addEventListener("click", toggleRecording);
    recordings.hidden = false;
    deleteAll.addEventListener("click", function () {
      withStore("readwrite", function (store) { store.clear(); }).then(render).then(function () {
        status.textContent = "All recordings deleted.";
      });
    });
    render();
  }

  // -- keys -------------------------------------------------------------
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    if (event.key === " ") {
      // On a button or link, space does what it always does there.
      if (target && /^(BUTTON|SUMMARY|A|AUDIO)$/.test(target.tagName)) return;
      event.preventDefault();
      toggleTimer();
    } else if ((event.key === "r" || event.key === "R") && !recordButton.hidden) {
      event.preventDefault();
      toggleRecording();
    } else if (/^[1-4]$/.test(event.key)) {
      var button = card.querySelector('button[data-key="' + event.key + '"]');
      if (button) {
        event.preventDefault();
        stopRecording();
        button.click();
      }
    }
  });
})();
