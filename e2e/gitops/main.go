// Copyright 2026 The dns-extraction authors
// SPDX-License-Identifier: Apache-2.0

// Command gitops-health reads Kubernetes objects, one JSON document per line on standard input, and
// prints for each one JSON line with what the GitOps tools compute for it with their own code:
// kstatus's status (sigs.k8s.io/cli-utils, which Flux's health checks use) and the health that an
// Argo CD health script (-lua FILE) returns when run under gopher-lua, the Lua engine Argo CD runs.
// The tests drive it with the objects the API server returns; nothing of it ships.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"

	lua "github.com/yuin/gopher-lua"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	utiljson "k8s.io/apimachinery/pkg/util/json"
	"sigs.k8s.io/cli-utils/pkg/kstatus/status"
)

type verdict struct {
	Kstatus        string `json:"kstatus"`
	KstatusMessage string `json:"kstatusMessage"`
	Health         string `json:"health,omitempty"`
	HealthMessage  string `json:"healthMessage,omitempty"`
	Error          string `json:"error,omitempty"`
}

func main() {
	script := flag.String("lua", "", "an Argo CD health script (resource.customizations.health)")
	flag.Parse()
	var source string
	if *script != "" {
		b, err := os.ReadFile(*script)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		source = string(b)
	}
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 64<<20)
	out := json.NewEncoder(os.Stdout)
	for in.Scan() {
		if len(in.Bytes()) == 0 {
			continue
		}
		_ = out.Encode(judge(in.Bytes(), source))
	}
}

func judge(doc []byte, source string) verdict {
	// as the API machinery decodes: whole numbers as int64, which kstatus expects
	var obj map[string]interface{}
	if err := utiljson.Unmarshal(doc, &obj); err != nil {
		return verdict{Error: err.Error()}
	}
	v := verdict{}
	res, err := status.Compute(&unstructured.Unstructured{Object: obj})
	if err != nil {
		v.Error = err.Error()
	} else {
		v.Kstatus = res.Status.String()
		v.KstatusMessage = res.Message
	}
	if source != "" {
		v.Health, v.HealthMessage, err = health(source, obj)
		if err != nil {
			v.Error = err.Error()
		}
	}
	return v
}

// health runs the script as Argo CD runs a health script: the object as the global obj, the
// returned table's status and message.
func health(source string, obj map[string]interface{}) (string, string, error) {
	L := lua.NewState(lua.Options{SkipOpenLibs: false})
	defer L.Close()
	L.SetGlobal("obj", toLua(L, obj))
	if err := L.DoString(source); err != nil {
		return "", "", err
	}
	ret, ok := L.Get(-1).(*lua.LTable)
	if !ok {
		return "", "", fmt.Errorf("the health script returned %s, not a table", L.Get(-1).Type())
	}
	return lua.LVAsString(ret.RawGetString("status")), lua.LVAsString(ret.RawGetString("message")), nil
}

// toLua converts decoded JSON as Argo CD does: objects and arrays to tables (arrays from 1),
// numbers, strings and booleans to their Lua values, null to nil.
func toLua(L *lua.LState, v interface{}) lua.LValue {
	switch x := v.(type) {
	case map[string]interface{}:
		t := L.NewTable()
		for k, e := range x {
			t.RawSetString(k, toLua(L, e))
		}
		return t
	case []interface{}:
		t := L.NewTable()
		for _, e := range x {
			t.Append(toLua(L, e))
		}
		return t
	case string:
		return lua.LString(x)
	case float64:
		return lua.LNumber(x)
	case int64:
		return lua.LNumber(x)
	case bool:
		return lua.LBool(x)
	default:
		return lua.LNil
	}
}
