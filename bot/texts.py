"""Everything the bot itself says (Rasa says the rest). Plain words, reading age 9."""

from __future__ import annotations

HELP = (
    "I'm What Matters, a computer program, not a person.\n"
    "\n"
    "Before your appointment, I ask you about what matters to you: your life, "
    "what is going well, what is hard, and what you would like to change. "
    "If you look after someone, you can answer for them. "
    "I write your answers down as a draft plan for your care team. "
    "They read it, and decide with you what happens next.\n"
    "\n"
    "I'm not for emergencies. If a life is at risk, call 999. "
    "For urgent help that is not an emergency, call 111.\n"
    "\n"
    "Things you can send me:\n"
    "/start - start, or carry on where we stopped\n"
    "/stop - take a break (I keep your answers)\n"
    "/summary - see your draft plan so far\n"
    "/mydata - get a file of everything I have stored about you\n"
    "/delete - delete everything I have stored about you\n"
    "/help - show this message"
)

COMMANDS: list[tuple[str, str]] = [
    ("start", "Start, or carry on where we stopped"),
    ("summary", "See your draft plan so far"),
    ("stop", "Take a break (your answers are kept)"),
    ("mydata", "Get a file of everything stored about you"),
    ("delete", "Delete everything stored about you"),
    ("help", "What this bot is and what it can do"),
]

TROUBLE = (
    "I'm having trouble right now. Your answers so far are safe. "
    "I've kept your message and will pass it on as soon as I can."
)
BACK = "Thanks for waiting. I'm working again and have passed on what you sent."
NO_ANSWER = "Sorry, I couldn't get an answer to your last message. Please send it again in a few minutes."
PAUSED = "Okay, we'll stop here for now. Your answers so far are safe. Send /start when you want to carry on."
ONLY_TEXT = "Sorry, I can only read text. Please type your answer."
EDITED = (
    "I saw you changed a message. I can't change an answer that way. "
    "If something needs fixing, just tell me now, and you can check everything with /summary."
)
OLD_BUTTON = "That button is from earlier in our chat. Please use the newest buttons, or type your answer."
OLD_BUTTON_SHORT = "That button has already been used."
CHOSE = "You chose: {title}"
WENT_WRONG = "Sorry, something went wrong on my side. Your answers so far are safe. Please try again."

NO_PLAN = "You don't have a draft plan yet. Send /start to begin."
STORE_DOWN = (
    "Sorry, I can't reach your plan right now. Your answers are safe. Please try again in a few minutes."
)
MYDATA_CAPTION = "This file has everything I have stored about you."
NO_DATA = "I don't have anything stored about you."

DELETE_ASK = (
    "This will delete everything I have stored about you: your draft plan, your answers, "
    "your goals and our chat. Your care team will not see any of it. This can't be undone.\n"
    "\n"
    "Do you want to delete everything?"
)
DELETE_YES = "Yes, delete everything"
DELETE_NO = "No, keep it"
DELETED = "Done. Everything I had stored about you is deleted. Send /start if you want to begin again."
KEPT = "Okay, nothing was deleted."
UNKNOWN_COMMAND = "I don't know that command. Send /help to see what I can do."
PRIVATE_ONLY = "I only talk in private chats, to keep what you tell me private. Please message me directly."
