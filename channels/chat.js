// The browser chat: posts to the REST channel next to this page. Text is always
// shown with textContent, never as HTML, so whatever people type stays text.
const log = document.getElementById("log");
const form = document.getElementById("form");
const input = document.getElementById("text");
let sender = localStorage.getItem("what-matters-sender");
if (!sender) {
  sender = "web-" + crypto.randomUUID();
  localStorage.setItem("what-matters-sender", sender);
}

function show(text, who) {
  const div = document.createElement("div");
  div.className = "msg " + who;
  div.textContent = text;
  log.appendChild(div);
  div.scrollIntoView({ block: "end" });
}

function showButtons(buttons) {
  const row = document.createElement("div");
  row.className = "buttons";
  for (const b of buttons) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = b.title;
    button.addEventListener("click", () => {
      row.querySelectorAll("button").forEach((each) => (each.disabled = true));
      send(b.payload, b.title);
    });
    row.appendChild(button);
  }
  log.appendChild(row);
}

async function send(message, shown) {
  if (shown !== null) show(shown, "me");
  try {
    const reply = await fetch("webhook", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sender, message }),
    });
    if (!reply.ok) throw new Error(String(reply.status));
    for (const m of await reply.json()) {
      if (m.text) show(m.text, "bot");
      if (m.buttons && m.buttons.length) showButtons(m.buttons);
    }
  } catch (err) {
    show("Sorry, I can't reach the chat service right now. Please try again in a few minutes.", "bot");
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const text = input.value;
  input.value = "";
  if (text.trim()) send(text, text);
});

send("/greet", null);
