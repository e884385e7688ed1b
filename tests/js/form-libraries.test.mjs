// The README's form-library snippets (« Standard Schema » subsection) run
// against the real libraries, in Node with no DOM: React Hook Form's
// standardSchemaResolver, TanStack Form's FormApi (@tanstack/form-core, the
// core every TanStack adapter wraps) and vee-validate 5's useForm, inside a
// Vue component rendered by vue/server-renderer. The schema is the one of
// dist/node.mjs (ready on import). The last test imports the browser entry
// (dist/index.js), which is not initialised on import, to check the start-up
// rule of issue 12: what each library does with the Promise that validate()
// returns before init() has resolved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as ldm from '../../dist/node.mjs';
import { createFormControl } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { FormApi, FieldApi } from '@tanstack/form-core';
import { createSSRApp, defineComponent, h, nextTick } from 'vue';
import { renderToString } from 'vue/server-renderer';
import { useForm, useField, validate as veeValidate } from 'vee-validate';

const bases = JSON.parse(readFileSync(new URL('../cases/bases.json', import.meta.url), 'utf8')).bases;
const opts = { today: '2026-10-01' };
const schema = ldm.createSchema(opts);

// A request with one error: the second member's UAI has a wrong check letter.
function badUai() {
  const r = structuredClone(bases.sector);
  r.members[1].uai = '0570031A';
  return r;
}

// A valid request as a person types it: the schema's value differs from it
// (title trimmed and folded, UAI upper-cased and trimmed).
const TYPED_TITLE = "  Lycée(s) des métiers   en réseau du bois et de l'ameublement ";
const NORMALISED_TITLE = "Lycée(s) des métiers en réseau du bois et de l'ameublement";
function typedValid() {
  const r = structuredClone(bases.sector);
  r.title = TYPED_TITLE;
  r.members[0].uai = ' 0570099y ';
  return r;
}

// Our own message for a code, as the schema gives it for that request.
function messageOf(request, code) {
  const issue = schema['~standard'].validate(request).issues.find((i) => i.code === code);
  assert.ok(issue, `the schema gives ${code}`);
  return issue.message;
}

// Waits for an async validation the library runs on its own; fails after 2 s.
async function until(condition, what) {
  const deadline = Date.now() + 2000;
  while (!condition()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

// The options React Hook Form passes to a resolver (ResolverOptions).
const rhfOptions = { fields: {}, names: undefined, criteriaMode: undefined, shouldUseNativeValidation: false };

test('the fixtures: the invalid request has exactly one issue, member.uai_checksum at members.1.uai, in French', () => {
  const res = schema['~standard'].validate(badUai());
  assert.deepEqual(
    res.issues.map((i) => [i.code, i.path]),
    [['member.uai_checksum', ['members', 1, 'uai']]],
  );
  assert.match(res.issues[0].message, /^L'UAI 0570031A est erroné : sa lettre de contrôle devrait être Z, pas A\./);
  const ok = schema['~standard'].validate(typedValid());
  assert.equal(ok.issues, undefined);
  assert.equal(ok.value.title, NORMALISED_TITLE);
  assert.equal(ok.value.members[0].uai, '0570099Y');
});

test('React Hook Form: standardSchemaResolver, called as RHF calls it, nests errors by field path', async () => {
  const resolver = standardSchemaResolver(schema);
  const bad = badUai();
  delete bad.title;
  const res = await resolver(bad, undefined, rhfOptions);
  assert.deepEqual(res.values, {});
  assert.deepEqual(Object.keys(res.errors).sort(), ['members', 'title']);
  assert.equal(res.errors.members[1].uai.message, messageOf(bad, 'member.uai_checksum'));
  assert.match(res.errors.members[1].uai.message, /lettre de contrôle devrait être Z, pas A/);
  assert.equal(res.errors.members[0], undefined, 'the first member has no error');
  assert.equal(res.errors.title.message, messageOf(bad, 'title.missing'));
  assert.match(res.errors.title.message, /^Indiquez l'intitulé de l'appellation/);

  // criteriaMode 'all': every message of a field under `types`.
  const all = await resolver(badUai(), undefined, { ...rhfOptions, criteriaMode: 'all' });
  assert.deepEqual(all.errors.members[1].uai.types, { 0: messageOf(badUai(), 'member.uai_checksum') });

  // A value that is not a request at all: an issue with an empty path, on errors.root.
  const root = await resolver(42, undefined, rhfOptions);
  assert.deepEqual(Object.keys(root.errors), ['root']);
  assert.equal(root.errors.root.message, messageOf(42, 'request.not_an_object'));
});

test("React Hook Form: on success the resolver's values are the schema's normalised value", async () => {
  const typed = typedValid();
  const res = await standardSchemaResolver(schema)(typed, undefined, rhfOptions);
  assert.deepEqual(res.errors, {});
  assert.deepEqual(res.values, schema['~standard'].validate(typedValid()).value);
  assert.equal(res.values.title, NORMALISED_TITLE);
  assert.equal(res.values.members[0].uai, '0570099Y');
  assert.equal(typed.title, TYPED_TITLE, 'the input is not modified');
});

test("React Hook Form: a form (createFormControl, RHF's core of useForm) submits the normalised value or shows the errors", async () => {
  const bad = createFormControl({ resolver: standardSchemaResolver(schema), defaultValues: badUai() });
  bad.register('title');
  bad.register('members.1.uai');
  let outcome;
  await bad.handleSubmit((data) => (outcome = ['valid', data]), (errors) => (outcome = ['invalid', errors]))();
  assert.equal(outcome[0], 'invalid');
  assert.equal(outcome[1].members[1].uai.message, messageOf(badUai(), 'member.uai_checksum'));
  assert.equal(bad.getFieldState('members.1.uai').invalid, true);
  assert.equal(bad.getFieldState('members.1.uai').error.message, messageOf(badUai(), 'member.uai_checksum'));
  assert.equal(bad.getFieldState('title').invalid, false);

  const good = createFormControl({ resolver: standardSchemaResolver(schema), defaultValues: typedValid() });
  good.register('title');
  outcome = undefined;
  await good.handleSubmit((data) => (outcome = ['valid', data]), (errors) => (outcome = ['invalid', errors]))();
  assert.equal(outcome[0], 'valid');
  assert.equal(outcome[1].title, NORMALISED_TITLE);
  assert.equal(outcome[1].members[0].uai, '0570099Y');
  assert.equal(good.getValues('title'), TYPED_TITLE, 'the field keeps what was typed');
});

// A TanStack form with the schema as a form-level validator, and two fields.
function tanstackForm(validators, onSubmit) {
  const form = new FormApi({ defaultValues: structuredClone(bases.sector), validators, onSubmit });
  form.mount();
  const uai = new FieldApi({ form, name: 'members[1].uai' });
  uai.mount();
  const title = new FieldApi({ form, name: 'title' });
  title.mount();
  return { form, uai, title };
}

test('TanStack Form: validators.onChange = schema; a change puts our issues on the field and the form', async () => {
  let submitted;
  const { form, uai, title } = tanstackForm({ onChange: schema }, ({ value }) => {
    // As the README says: TanStack gives the form's own values; the request
    // to send is the schema's value.
    submitted = { value, sent: schema['~standard'].validate(value).value };
  });
  uai.handleChange('0570031A');
  const expected = messageOf(badUai(), 'member.uai_checksum');
  assert.equal(uai.state.meta.errors.length, 1);
  const [issue] = uai.state.meta.errors;
  assert.equal(issue.code, 'member.uai_checksum');
  assert.equal(issue.message, expected);
  assert.deepEqual(issue.path, ['members', 1, 'uai']);
  assert.deepEqual(uai.state.meta.errorMap.onChange.map((i) => i.code), ['member.uai_checksum']);
  assert.deepEqual(title.state.meta.errors, [], 'issues go to their own field only');
  assert.deepEqual(Object.keys(form.state.errorMap.onChange), ['members[1].uai']);
  assert.equal(form.state.errors[0]['members[1].uai'][0].message, expected);
  assert.equal(form.state.isValid, false);
  assert.equal(form.state.canSubmit, false);

  uai.handleChange('0570031Z');
  title.handleChange(TYPED_TITLE);
  assert.deepEqual(uai.state.meta.errors, []);
  assert.deepEqual(form.state.errors, []);
  assert.equal(form.state.isValid, true);
  await form.handleSubmit();
  assert.ok(submitted, 'onSubmit ran');
  assert.equal(submitted.value.title, TYPED_TITLE, "onSubmit gets the form's values, not the schema's value");
  assert.equal(submitted.sent.title, NORMALISED_TITLE);
});

test('TanStack Form: validators.onChangeAsync = schema gives the same issues, once the validation has run', async () => {
  const { form, uai, title } = tanstackForm({ onChangeAsync: schema });
  uai.handleChange('0570031A');
  await until(() => uai.state.meta.errors.length > 0, 'the async validation');
  assert.deepEqual(uai.state.meta.errors.map((i) => [i.code, i.message]), [['member.uai_checksum', messageOf(badUai(), 'member.uai_checksum')]]);
  assert.deepEqual(uai.state.meta.errorMap.onChange.map((i) => i.code), ['member.uai_checksum']);
  assert.deepEqual(title.state.meta.errors, []);
  assert.deepEqual(Object.keys(form.state.errorMap.onChange), ['members[1].uai']);

  uai.handleChange('0570031Z');
  await until(() => uai.state.meta.errors.length === 0 && !form.state.isValidating, 'the errors to clear');
  assert.equal(form.state.isValid, true);
  assert.deepEqual(form.state.errors, []);
});

// The README's vee-validate snippet in a component; vue/server-renderer runs
// its setup in Node without a DOM (onMounted hooks do not run there).
// uaiField: the name given to useField for the second member's UAI, or null
// for a form with no field declared.
async function veeForm(initialValues, uaiField) {
  let api;
  const App = defineComponent({
    setup() {
      const form = useForm({ validationSchema: schema, initialValues });
      api = { form, uai: uaiField && useField(uaiField), title: uaiField && useField('title') };
      return () => h('form', uaiField ? api.uai.errorMessage.value ?? '' : '');
    },
  });
  await renderToString(createSSRApp(App));
  return api;
}

test('vee-validate 5: useForm({ validationSchema: schema }) in a component gives our messages keyed by path', async () => {
  const expected = messageOf(badUai(), 'member.uai_checksum');
  const { form, uai, title } = await veeForm(badUai(), 'members[1].uai');
  const res = await form.validate();
  assert.equal(res.valid, false);
  assert.deepEqual(Object.keys(res.errors), ['members[1].uai']);
  assert.equal(res.errors['members[1].uai'], expected);
  assert.deepEqual(form.errors.value, { 'members[1].uai': expected });
  assert.equal(uai.errorMessage.value, expected);
  assert.equal(uai.meta.valid, false);
  assert.equal(title.errorMessage.value, undefined);

  // useField('members.1.uai') is the same field.
  const dotted = await veeForm(badUai(), 'members.1.uai');
  await dotted.form.validate();
  assert.equal(dotted.uai.errorMessage.value, expected);
  assert.deepEqual(dotted.form.errors.value, { 'members[1].uai': expected });

  // With no field declared, form.errors still writes array indexes in brackets.
  const bare = await veeForm(badUai(), null);
  await bare.form.validate();
  assert.deepEqual(bare.form.errors.value, { 'members[1].uai': expected });

  // handleSubmit: the invalid callback gets the same errors.
  let outcome;
  await form.handleSubmit(
    (values) => (outcome = ['valid', values]),
    ({ errors }) => (outcome = ['invalid', errors]),
  )();
  assert.deepEqual(outcome, ['invalid', { 'members[1].uai': expected }]);
});

test("vee-validate 5: on success handleSubmit receives the schema's normalised value", async () => {
  const { form, uai, title } = await veeForm(badUai(), 'members[1].uai');
  uai.value.value = ' 0570031z ';
  title.value.value = TYPED_TITLE;
  await nextTick();
  let outcome;
  await form.handleSubmit(
    (values) => (outcome = ['valid', values]),
    ({ errors }) => (outcome = ['invalid', errors]),
  )();
  assert.equal(outcome[0], 'valid', JSON.stringify(outcome[1]));
  assert.equal(outcome[1].members[1].uai, '0570031Z');
  assert.equal(outcome[1].title, NORMALISED_TITLE);
  assert.equal(form.values.members[1].uai, ' 0570031z ', 'the form keeps what was typed');
  assert.deepEqual(form.errors.value, {});
});

test("vee-validate 5: its standalone validate(value, schema) takes the schema as it is", async () => {
  const res = await veeValidate(badUai(), schema);
  assert.equal(res.valid, false);
  assert.deepEqual(res.errors, [messageOf(badUai(), 'member.uai_checksum')]);
  const ok = await veeValidate(typedValid(), schema);
  assert.equal(ok.valid, true);
  assert.equal(ok.value.title, NORMALISED_TITLE);
});

test('start-up (issue 12): before init() resolves, TanStack sync validators throw; onChangeAsync, RHF and vee-validate wait', async () => {
  // The browser entry, in Node: not initialised on import. init() is given
  // the wasm's bytes (a browser fetches them) and is not awaited yet.
  const web = await import('../../dist/index.js');
  assert.equal(web.isReady(), false, 'the browser entry starts uninitialised');
  const early = web.createSchema(opts);
  const vee = await (async () => {
    let form;
    const App = defineComponent({
      setup() {
        form = useForm({ validationSchema: early, initialValues: badUai() });
        return () => h('form');
      },
    });
    await renderToString(createSSRApp(App));
    return form;
  })();
  const pending = web.init(readFileSync(new URL('../../dist/ldm_reseau_bg.wasm', import.meta.url)));
  assert.equal(web.isReady(), false);
  assert.ok(early['~standard'].validate(badUai()) instanceof Promise, 'validate returns a Promise before init');

  const sync = tanstackForm({ onChange: early });
  assert.throws(() => sync.uai.handleChange('0570031A'), /async function passed to sync validator/);

  const asyncForm = tanstackForm({ onChangeAsync: early });
  asyncForm.uai.handleChange('0570031A');
  const rhf = standardSchemaResolver(early)(badUai(), undefined, rhfOptions);
  const veeResult = vee.validate();
  assert.equal(web.isReady(), false, 'all of the above started before init() resolved');

  const expected = messageOf(badUai(), 'member.uai_checksum');
  assert.equal((await rhf).errors.members[1].uai.message, expected);
  assert.equal((await veeResult).valid, false);
  assert.deepEqual(vee.errors.value, { 'members[1].uai': expected });
  await until(() => asyncForm.uai.state.meta.errors.length > 0, 'the async validation');
  assert.equal(asyncForm.uai.state.meta.errors[0].code, 'member.uai_checksum');

  // After `await init()`, the same schema is synchronous and onChange works.
  await pending;
  assert.equal(web.isReady(), true);
  const after = tanstackForm({ onChange: early });
  after.uai.handleChange('0570031A');
  assert.deepEqual(after.uai.state.meta.errors.map((i) => i.code), ['member.uai_checksum']);
});
